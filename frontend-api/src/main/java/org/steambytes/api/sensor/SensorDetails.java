package org.steambytes.api.sensor;

/** The changeable part of a sensor, already validated. */
public record SensorDetails(String sensorType, String unit, double minValid, double maxValid, int expectedIntervalS,
        String name) {
}
