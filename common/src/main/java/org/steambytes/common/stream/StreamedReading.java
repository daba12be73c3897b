package org.steambytes.common.stream;

/** One reading of a readings-stream entry: sensor, type, value and its time in epoch milliseconds. */
public record StreamedReading(String sensorId, String sensorType, double value, long tsMs) {
}
