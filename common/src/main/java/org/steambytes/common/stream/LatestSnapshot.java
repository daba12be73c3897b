package org.steambytes.common.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A site's latest values in one document, as iot-ingestion keeps them in {@code iot_ingestion:dashboard:{<site_id>}}
 * (docs/API.md "Redis", a public contract): {@code {"site_id", "readings": {sensor_id: <a LatestValue's JSON>}}},
 * rebuilt from the site's latest hashes in the same atomic step that changes them. iot-ingestion writes it,
 * frontend-api reads it (docs/ARCHITECTURE.md §5, "Latest values"); read here with one parser, token by token.
 *
 * @param values     sensor id → its value; a sensor repeated in the document keeps its last readable one
 * @param unreadable the sensors with a value that is not a usable {@link LatestValue}, in document order
 */
public record LatestSnapshot(String siteId, Map<String, LatestValue> values, List<String> unreadable) {

    /** The snapshot a stored document holds; empty when the document as a whole is not readable. */
    public static Optional<LatestSnapshot> parse(String stored) {
        try (JsonParser json = LatestValue.JSON.createParser(stored)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String siteId = null;
            Map<String, LatestValue> values = null;
            List<String> unreadable = new ArrayList<>();
            for (JsonToken token = json.nextToken(); token == JsonToken.PROPERTY_NAME; token = json.nextToken()) {
                String name = json.currentName();
                JsonToken next = json.nextToken();
                if (name.equals("site_id") && next == JsonToken.VALUE_STRING) {
                    siteId = json.getString();
                } else if (name.equals("readings") && next == JsonToken.START_OBJECT) {
                    values = readings(json, unreadable);
                    if (values == null) {
                        return Optional.empty();
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT || json.nextToken() != null || siteId == null || values == null) {
                return Optional.empty();
            }
            return Optional.of(new LatestSnapshot(siteId, values, List.copyOf(unreadable)));
        } catch (JacksonException e) {
            return Optional.empty(); // not JSON
        }
    }

    /** The readings object's members, the parser on its START_OBJECT; null when it ends early. */
    private static Map<String, LatestValue> readings(JsonParser json, List<String> unreadable) {
        Map<String, LatestValue> values = new HashMap<>();
        for (JsonToken token = json.nextToken(); token == JsonToken.PROPERTY_NAME; token = json.nextToken()) {
            String sensorId = json.currentName();
            JsonToken next = json.nextToken();
            LatestValue value = null;
            if (next == JsonToken.START_OBJECT) {
                value = LatestValue.read(json);
                if (json.currentToken() != JsonToken.END_OBJECT) {
                    return null;
                }
            } else {
                json.skipChildren();
            }
            if (value == null) {
                unreadable.add(sensorId);
            } else {
                values.put(sensorId, value);
            }
        }
        return json.currentToken() == JsonToken.END_OBJECT ? values : null;
    }
}
