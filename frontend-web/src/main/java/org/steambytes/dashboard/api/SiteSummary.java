package org.steambytes.dashboard.api;

import java.time.Instant;

/**
 * One line of {@code GET /api/v1/site-summaries}: the site's status at a glance ({@code ok},
 * {@code alerting}, {@code stale}), its highest open severity, open alerts, last reading and the
 * latest efficiency (null until computed).
 */
public record SiteSummary(String siteId, String name, String timezone, String status, String highestOpenSeverity,
        int openAlerts, Instant lastReadingAt, Efficiency efficiency) {

    /** Direct and combustion efficiency in percent, each null when not computed. */
    public record Efficiency(Double directPct, Double combustionPct) {
    }
}
