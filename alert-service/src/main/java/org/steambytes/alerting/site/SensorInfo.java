package org.steambytes.alerting.site;

/** What alerting needs of a sensor: its type and unit for messages, its interval for staleness. */
public record SensorInfo(String sensorId, String sensorType, String unit, int expectedIntervalS) {

    /** Stale (for site lost) after max(3 × expected interval, floor: 5 min), as the latest-values API says. */
    public long staleAfterMillis(java.time.Duration floor) {
        return Math.max(3L * expectedIntervalS * 1000L, floor.toMillis());
    }
}
