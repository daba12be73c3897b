package org.steambytes.common.stream;

import java.time.Instant;
import java.util.Optional;
import org.steambytes.common.reading.Reading;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sensor's newest value as iot-ingestion keeps it in {@code iot_ingestion:latest:{<site_id>}:<sensor_type>}
 * (docs/API.md "Redis", a public contract): JSON {@code {"value", "unit", "ts", "ts_ms", "sensor_type"}}.
 * iot-ingestion writes it, frontend-api reads it; nobody else spells the format.
 */
public record LatestValue(double value, String unit, long tsMs, String sensorType) {

    static final JsonMapper JSON = JsonMapper.builder().build();

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

    /**
     * The value a stored JSON holds; empty when it is not readable (no numeric value or integral ts_ms, or
     * not one JSON object). Read token by token, without a tree: frontend-api parses one per sensor on every
     * latest request.
     */
    public static Optional<LatestValue> parse(String stored) {
        try (JsonParser json = JSON.createParser(stored)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            LatestValue value = read(json);
            return json.nextToken() != null ? Optional.empty() : Optional.ofNullable(value);
        } catch (JacksonException e) {
            return Optional.empty(); // not JSON: unreadable like any other shape
        }
    }

    /**
     * One stored value from a parser on its {@code START_OBJECT}, read through its {@code END_OBJECT}; null when
     * it holds no numeric value or integral ts_ms. A parser error (not JSON) is the caller's.
     */
    static LatestValue read(JsonParser json) {
        Double value = null;
        Long tsMs = null;
        String unit = "";
        String sensorType = "";
        for (JsonToken token = json.nextToken(); token == JsonToken.PROPERTY_NAME; token = json.nextToken()) {
            String name = json.currentName();
            JsonToken next = json.nextToken();
            switch (name) {
                case "value" -> value = next.isNumeric() ? json.getDoubleValue() : null;
                case "ts_ms" -> tsMs = next == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : null;
                case "unit" -> unit = text(json, next);
                case "sensor_type" -> sensorType = text(json, next);
                default -> json.skipChildren();
            }
        }
        if (json.currentToken() != JsonToken.END_OBJECT || value == null || tsMs == null) {
            return null;
        }
        return new LatestValue(value, unit, tsMs, sensorType);
    }

    /** A scalar's text (a number or boolean too), "" for null; an object or array is skipped and reads as "". */
    private static String text(JsonParser json, JsonToken token) {
        if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            return json.getString();
        }
        json.skipChildren();
        return "";
    }
}
