package org.steambytes.analytics.anomaly;

/** A sensor as the detectors see it: its type (which says whether it is a process value), unit and staleness. */
public record ExaminedSensor(String sensorId, String sensorType, String unit, boolean stale) {
}
