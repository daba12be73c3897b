package org.steambytes.alerting.efficiency;

import java.util.List;

/** The two efficiencies ai-processor computes per site, by their {@code analytics_results.kind}. */
enum Efficiency {
    /** Input–output method. */
    DIRECT("efficiency", "direct"),
    /** Combustion (indirect) method, Siegert. */
    COMBUSTION("combustion_efficiency", "combustion");

    private final String resultKind;
    private final String label;

    Efficiency(String resultKind, String label) {
        this.resultKind = resultKind;
        this.label = label;
    }

    String resultKind() {
        return resultKind;
    }

    String label() {
        return label;
    }

    /** What a rule's {@code method} watches: {@code direct}, {@code combustion}, or both ({@code either}, the default). */
    static List<Efficiency> watchedBy(String method) {
        if ("direct".equals(method)) {
            return List.of(DIRECT);
        }
        if ("combustion".equals(method)) {
            return List.of(COMBUSTION);
        }
        return List.of(DIRECT, COMBUSTION);
    }
}
