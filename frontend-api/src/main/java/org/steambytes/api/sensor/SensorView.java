package org.steambytes.api.sensor;

import java.time.Instant;

/** A sensor as integrators read it. */
public record SensorView(String siteId, String sensorId, String sensorType, String unit, double minValid,
        double maxValid, int expectedIntervalS, String name, Instant createdAt, Instant updatedAt) {
}
