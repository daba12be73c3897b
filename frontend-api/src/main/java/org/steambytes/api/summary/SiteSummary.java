package org.steambytes.api.summary;

import java.time.Instant;

/**
 * A site at a glance. {@code status}: {@code alerting} with any open or acknowledged alert, else
 * {@code stale} when every sensor is stale (no reading for max(3 × expected interval, 5 min), as
 * {@code /latest} says; a site without sensors too), else {@code ok}. {@code open_alerts} counts open and
 * acknowledged alerts, {@code shelved_alerts} those of them shelved now. {@code efficiency}: ai-processor's
 * latest result set's, null before it has one (a member is null when it was not computed).
 */
public record SiteSummary(String siteId, String name, String timezone, String status, String highestOpenSeverity,
        long openAlerts, long shelvedAlerts, Instant lastReadingAt, Efficiency efficiency) {

    public record Efficiency(Double directPct, Double combustionPct) {
    }
}
