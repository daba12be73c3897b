package org.steambytes.common.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.steambytes.common.reading.Reading;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the readings stream {@code iot_ingestion:readings} (docs/API.md "Redis", a public
 * contract): one accepted batch of one site, as the fields {@code site_id}, {@code batch_id},
 * {@code count} and {@code readings} — a JSON array of
 * {@code {"sensor_id", "sensor_type", "value", "ts_ms"}}. iot-ingestion encodes it, alert-service and
 * the dashboard's live feed decode it; nobody else spells the format.
 */
public record ReadingsStreamEntry(String siteId, String batchId, List<StreamedReading> readings) {

    public static final String SITE_ID = "site_id";
    public static final String BATCH_ID = "batch_id";
    public static final String COUNT = "count";
    public static final String READINGS = "readings";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The stream fields of a batch, in the contract's order. */
    public static Map<String, String> encode(String siteId, UUID batchId, List<Reading> readings) {
        StringBuilder json = new StringBuilder(readings.size() * 96).append('[');
        for (int i = 0; i < readings.size(); i++) {
            Reading reading = readings.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"sensor_id\":");
            JsonStrings.quote(json, reading.sensorId());
            json.append(",\"sensor_type\":");
            JsonStrings.quote(json, reading.sensorType());
            json.append(",\"value\":").append(reading.value())
                    .append(",\"ts_ms\":").append(reading.timestamp().toEpochMilli()).append('}');
        }
        json.append(']');
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(SITE_ID, siteId);
        fields.put(BATCH_ID, batchId.toString());
        fields.put(COUNT, Integer.toString(readings.size()));
        fields.put(READINGS, json.toString());
        return fields;
    }

    /**
     * The entry of a stream record's fields (as Redis returns them: string keys and values).
     *
     * @throws UnreadableEntryException when a field is missing or the readings are not the contract's JSON
     */
    public static ReadingsStreamEntry decode(Map<?, ?> fields) {
        Object siteId = fields == null ? null : fields.get(SITE_ID);
        Object readings = fields == null ? null : fields.get(READINGS);
        if (!(siteId instanceof String site) || site.isEmpty()) {
            throw new UnreadableEntryException("no " + SITE_ID);
        }
        if (!(readings instanceof String text)) {
            throw new UnreadableEntryException("no " + READINGS);
        }
        Object batchId = fields.get(BATCH_ID);
        return new ReadingsStreamEntry(site, batchId instanceof String batch ? batch : null, parse(text));
    }

    private static List<StreamedReading> parse(String text) {
        try {
            JsonNode array = JSON.readTree(text);
            if (!array.isArray()) {
                throw new UnreadableEntryException(READINGS + " is not a JSON array");
            }
            List<StreamedReading> parsed = new ArrayList<>(array.size());
            for (JsonNode reading : array) {
                parsed.add(reading(reading));
            }
            return parsed;
        } catch (JacksonException e) {
            throw new UnreadableEntryException(READINGS + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private static StreamedReading reading(JsonNode reading) {
        JsonNode sensorId = reading.get("sensor_id");
        JsonNode value = reading.get("value");
        JsonNode tsMs = reading.get("ts_ms");
        if (sensorId == null || value == null || tsMs == null) {
            throw new UnreadableEntryException("a reading lacks sensor_id, value or ts_ms: " + reading);
        }
        return new StreamedReading(sensorId.asString(), reading.path("sensor_type").asString(""), value.asDouble(),
                tsMs.asLong());
    }

    /** A stream entry that is not the contract's shape: it can never be evaluated. */
    public static final class UnreadableEntryException extends RuntimeException {

        UnreadableEntryException(String message) {
            super(message);
        }
    }
}
