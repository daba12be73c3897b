package org.steambytes.analytics.anomaly;

import java.time.Instant;

/** An anomaly as stored ({@code anomalies}) and as the API lists it (docs/API.md "Analytics"). */
public record StoredAnomaly(long anomalyId, String sensorId, String detector, Instant observedAt, double value,
        double score, double threshold, String explanation) {
}
