package org.steambytes.common.stream;

import java.time.Instant;
import java.util.Optional;
import org.steambytes.common.reading.Reading;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sensor's newest value as iot-ingestion keeps it in {@code iot_ingestion:latest:{<site_id>}:<sensor_type>}
 * (docs/API.md "Redis", a public contract): JSON {@code {"value", "unit", "ts", "ts_ms", "sensor_type"}}.
 * iot-ingestion writes it, frontend-api reads it; nobody else spells the format.
 */
public record LatestValue(double value, String unit, long tsMs, String sensorType) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static LatestValue of(Reading reading, String unit) {
        return new LatestValue(reading.value(), unit, reading.timestamp().toEpochMilli(), reading.sensorType());
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(tsMs);
    }

    /** The stored JSON, written by hand: ingestion encodes one per sensor and batch on its hot path. */
    public String toJson() {
        StringBuilder json = new StringBuilder(128);
        json.append("{\"value\":").append(value).append(",\"unit\":");
        JsonStrings.quote(json, unit);
        json.append(",\"ts\":\"").append(timestamp()).append('"')
                .append(",\"ts_ms\":").append(tsMs)
                .append(",\"sensor_type\":");
        JsonStrings.quote(json, sensorType);
        return json.append('}').toString();
    }

    /** The value a stored JSON holds; empty when it is not readable (no numeric value or ts_ms). */
    public static Optional<LatestValue> parse(String stored) {
        try {
            JsonNode latest = JSON.readTree(stored);
            if (latest.path("ts_ms").isIntegralNumber() && latest.path("value").isNumber()) {
                return Optional.of(new LatestValue(latest.path("value").asDouble(), latest.path("unit").asString(""),
                        latest.path("ts_ms").asLong(), latest.path("sensor_type").asString("")));
            }
        } catch (JacksonException e) {
            // not JSON: unreadable like any other shape
        }
        return Optional.empty();
    }
}
