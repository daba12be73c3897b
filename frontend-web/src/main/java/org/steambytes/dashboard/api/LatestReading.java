package org.steambytes.dashboard.api;

import java.time.Instant;

/** A sensor's newest value from {@code GET /api/v1/sites/{id}/latest}; value and timestamp null when never seen. */
public record LatestReading(String sensorId, String sensorType, Double value, String unit, Instant timestamp,
        boolean stale) {
}
