package org.steambytes.alerting.stream;

/** One reading of a stream entry, as iot-ingestion publishes it. */
public record StreamedReading(String sensorId, String sensorType, double value, long tsMs) {
}
