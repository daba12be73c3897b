package org.steambytes.api.anomaly;

import java.time.Instant;

/**
 * An anomaly as ai-processor's detectors recorded it: a reading ({@code value} at {@code observed_at})
 * whose {@code score} passed the detector's {@code threshold}.
 */
public record AnomalyView(long anomalyId, String sensorId, String detector, Instant observedAt, double value,
        double score, double threshold, String explanation) {
}
