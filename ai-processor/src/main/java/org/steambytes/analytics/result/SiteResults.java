package org.steambytes.analytics.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One site's analysis of one window {@code [windowStart, windowEnd)}: per sensor its statistics,
 * trend and staleness, and the site's two efficiencies. {@code stale}: every sensor is stale.
 */
public record SiteResults(String siteId, Instant windowStart, Instant windowEnd, Instant computedAt, boolean stale,
        List<SensorResult> sensors, Efficiency direct, Efficiency combustion) {

    /**
     * A sensor in the window. Statistics and trend are null without samples (trend also with one, or
     * all at one instant); {@code timeToThresholdH} only where a threshold rule's limit lies ahead of a
     * significant slope.
     */
    public record SensorResult(String sensorId, String sensorType, String unit, Integer count, Double mean, Double min,
            Double max, Double stddev, Double last, Double slopePerHour, Boolean slopeSignificant, Double fittedNow,
            Double timeToThresholdH, Double threshold, String thresholdOperator, boolean stale, Instant lastSeen) {
    }

    /**
     * An efficiency in percent with the inputs it came from, or null with the reason it was not
     * computed ({@code notComputed}); never a made-up figure.
     */
    public record Efficiency(Double valuePct, String basis, Map<String, Object> inputs, String notComputed) {

        public static Efficiency notComputed(String basis, String reason) {
            return new Efficiency(null, basis, Map.of(), reason);
        }
    }
}
