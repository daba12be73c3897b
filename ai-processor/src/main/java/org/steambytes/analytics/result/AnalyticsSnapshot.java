package org.steambytes.analytics.result;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steambytes.analytics.anomaly.StoredAnomaly;

/**
 * A site's latest result set as {@code GET /sites/{site_id}/analytics} answers it and
 * {@code ai_processor:analytics:{<site_id>}} caches it (docs/API.md "Analytics").
 */
public record AnalyticsSnapshot(String siteId, Instant computedAt, Window window, boolean stale,
        Map<String, EfficiencyView> efficiency, List<SensorView> sensors, List<StoredAnomaly> anomalies) {

    public record Window(Instant from, Instant to) {
    }

    public record EfficiencyView(Double valuePct, String basis, Map<String, Object> inputs, String notComputed) {
    }

    public record SensorView(String sensorId, String sensorType, String unit, Integer count, Double mean, Double min,
            Double max, Double stddev, Double last, Double slopePerHour, Double timeToThresholdH, Double threshold,
            boolean stale) {
    }

    /** The snapshot of a window's results with the site's recent anomalies (newest first). */
    public static AnalyticsSnapshot of(SiteResults results, List<StoredAnomaly> recentAnomalies) {
        Map<String, EfficiencyView> efficiency = new LinkedHashMap<>();
        efficiency.put("direct", view(results.direct()));
        efficiency.put("combustion", view(results.combustion()));
        List<SensorView> sensors = results.sensors().stream().map(s -> new SensorView(s.sensorId(), s.sensorType(),
                s.unit(), s.count(), s.mean(), s.min(), s.max(), s.stddev(), s.last(), s.slopePerHour(),
                s.timeToThresholdH(), s.threshold(), s.stale())).toList();
        return new AnalyticsSnapshot(results.siteId(), results.computedAt(),
                new Window(results.windowStart(), results.windowEnd()), results.stale(), efficiency, sensors,
                recentAnomalies);
    }

    private static EfficiencyView view(SiteResults.Efficiency efficiency) {
        return new EfficiencyView(efficiency.valuePct(), efficiency.basis(), efficiency.inputs(), efficiency.notComputed());
    }
}
