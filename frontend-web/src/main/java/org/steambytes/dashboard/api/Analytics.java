package org.steambytes.dashboard.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/sites/{id}/analytics}: the latest result set ({@code computedAt} null before the
 * site's first cycle), its efficiencies, per-sensor trends and the anomalies of the last 24 h.
 */
public record Analytics(Instant computedAt, Boolean stale, Efficiencies efficiency, List<SensorTrend> sensors,
        List<Anomaly> anomalies) {

    public boolean computed() {
        return computedAt != null;
    }

    public record Efficiencies(Method direct, Method combustion) {
    }

    /** One efficiency: {@code valuePct} null and {@code notComputed} the reason when it could not be computed. */
    public record Method(Double valuePct, String basis, String notComputed) {
    }

    public record SensorTrend(String sensorId, Double mean, Double slopePerHour, Double timeToThresholdH,
            Double threshold) {
    }

    public record Anomaly(Long anomalyId, String sensorId, String detector, Instant observedAt, Double value,
            Double score, String explanation) {
    }
}
