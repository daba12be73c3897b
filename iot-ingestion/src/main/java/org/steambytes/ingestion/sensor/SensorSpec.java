package org.steambytes.ingestion.sensor;

/** What ingestion needs to know of a sensor to accept its readings. */
public record SensorSpec(String sensorId, String sensorType, String unit, double minValid, double maxValid) {

    public boolean inRange(double value) {
        return value >= minValid && value <= maxValid;
    }
}
