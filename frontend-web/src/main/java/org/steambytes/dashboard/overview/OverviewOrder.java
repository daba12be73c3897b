package org.steambytes.dashboard.overview;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.steambytes.dashboard.api.SiteSummary;

/**
 * Filtering by name (or id) and sorting of the overview's lines. "status" puts the worst first:
 * alerting by severity (critical, high, medium, low), then stale, then ok.
 */
enum OverviewOrder {
    NAME(Comparator.comparing((SiteSummary s) -> s.name().toLowerCase(Locale.ROOT))),
    STATUS(Comparator.comparingInt(OverviewOrder::badness).reversed()),
    ALERTS(Comparator.comparingInt(SiteSummary::openAlerts).reversed()),
    LAST_READING(Comparator.comparing((SiteSummary s) -> s.lastReadingAt() == null ? Instant.MIN : s.lastReadingAt())
            .reversed());

    private final Comparator<SiteSummary> comparator;

    OverviewOrder(Comparator<SiteSummary> comparator) {
        this.comparator = comparator.thenComparing(SiteSummary::siteId);
    }

    static OverviewOrder parse(String text) {
        if (text != null) {
            for (OverviewOrder order : values()) {
                if (order.name().equalsIgnoreCase(text)) {
                    return order;
                }
            }
        }
        return STATUS;
    }

    String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<SiteSummary> apply(List<SiteSummary> sites, String filter) {
        String needle = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        return sites.stream()
                .filter(site -> needle.isEmpty() || site.name().toLowerCase(Locale.ROOT).contains(needle)
                        || site.siteId().contains(needle))
                .sorted(comparator)
                .toList();
    }

    static int badness(SiteSummary site) {
        if ("alerting".equals(site.status())) {
            return 10 + severityRank(site.highestOpenSeverity());
        }
        return "stale".equals(site.status()) ? 5 : 0;
    }

    static int severityRank(String severity) {
        return severity == null ? 0 : switch (severity) {
            case "critical" -> 4;
            case "high" -> 3;
            case "medium" -> 2;
            case "low" -> 1;
            default -> 0;
        };
    }
}
