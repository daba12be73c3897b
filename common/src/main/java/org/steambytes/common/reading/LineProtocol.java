package org.steambytes.common.reading;

import java.util.List;

/**
 * Encodes readings as InfluxDB line protocol with millisecond timestamps. Hand-written rather than
 * through influxdb-java's {@code Point} because ingestion encodes hundreds of thousands of readings
 * a second: one pass into one buffer, no intermediate maps.
 */
public final class LineProtocol {

    public static final String MEASUREMENT = "reading";

    private LineProtocol() {
    }

    public static String encode(List<Reading> readings) {
        StringBuilder lines = new StringBuilder(readings.size() * 96);
        for (Reading reading : readings) {
            append(lines, reading);
        }
        return lines.toString();
    }

    static void append(StringBuilder lines, Reading reading) {
        lines.append(MEASUREMENT).append(",site_id=");
        appendTag(lines, reading.siteId());
        lines.append(",sensor_id=");
        appendTag(lines, reading.sensorId());
        lines.append(",sensor_type=");
        appendTag(lines, reading.sensorType());
        // Always a float: an integer written once would fix the field's type to integer forever.
        lines.append(" value=").append(Double.toString(reading.value()))
                .append(' ').append(reading.timestamp().toEpochMilli()).append('\n');
    }

    /**
     * Tag values escape commas, spaces and equals signs. Backslashes cannot round-trip through the 1.x
     * parser, so {@link Reading} refuses them (slugs never contain one).
     */
    static void appendTag(StringBuilder lines, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '=') {
                lines.append('\\');
            }
            lines.append(c);
        }
    }
}
