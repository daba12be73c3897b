package org.steambytes.ingestion.reading;

import java.util.List;

/**
 * One line of InfluxDB line protocol, as far as readings need it: the measurement, the {@code sensor_id}
 * tag if the line has one (other tags are read and dropped), the fields, and the timestamp in
 * milliseconds ({@code null} when the line has none: "now", as in InfluxDB).
 */
record LinePoint(int line, String measurement, String sensorTag, List<LineField> fields, Long timestampMillis) {
}
