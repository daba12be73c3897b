package org.steambytes.analytics.site;

import java.util.List;
import java.util.Optional;

/**
 * A site as the analytics step sees it: one boiler (a site is one boiler in this version), its fuel,
 * its analytics settings, its sensors and the threshold rules that give trends a limit to forecast.
 */
public record AnalysedSite(String siteId, String name, String fuelType, SiteAnalyticsConfig config,
        List<Sensor> sensors, List<ThresholdRule> thresholds) {

    /** A sensor: stale after max(3 × its expected interval, 5 min) without a sample. */
    public record Sensor(String sensorId, String sensorType, String unit, int expectedIntervalS) {

        public long staleAfterMs() {
            return Math.max(3L * expectedIntervalS * 1000, 5 * 60_000L);
        }
    }

    /** An enabled threshold rule of a sensor: {@code above} or below {@code limit}. */
    public record ThresholdRule(String sensorId, boolean above, double limit) {
    }

    public Optional<ThresholdRule> thresholdOf(String sensorId) {
        return thresholds.stream().filter(rule -> rule.sensorId().equals(sensorId)).findFirst();
    }
}
