package org.steambytes.dashboard.api;

/** A sensor of a site (the fields the pages use). */
public record Sensor(String sensorId, String sensorType, String unit, double minValid, double maxValid,
        int expectedIntervalS, String name) {

    /** A reading older than this is stale: max(3 × the expected interval, 5 min), as everywhere else. */
    public long staleAfterMs() {
        return Math.max(3L * expectedIntervalS, 300L) * 1000L;
    }

    public String label() {
        return name == null || name.isBlank() ? sensorId : name;
    }
}
