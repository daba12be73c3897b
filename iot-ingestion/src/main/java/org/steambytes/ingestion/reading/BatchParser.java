package org.steambytes.ingestion.reading;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a gateway batch with Jackson's streaming parser: one pass, no intermediate tree, and an exact
 * path ({@code readings[3].value}) for anything unreadable. Bare NaN/Infinity tokens, strings where a
 * number belongs and missing fields are refused (400); too many readings stop the read at once (413).
 * Unknown fields are ignored so gateways can send more than we use.
 */
public final class BatchParser {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final int maxReadings;

    public BatchParser(int maxReadings) {
        this.maxReadings = maxReadings;
    }

    public IncomingBatch parse(byte[] body, int length) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw BatchRejections.unreadable("", "the body must be a JSON object");
            }
            String siteId = null;
            List<IncomingReading> readings = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "site_id" -> siteId = value == JsonToken.VALUE_NULL ? null : text(parser, value, "site_id");
                    case "readings" -> readings = readings(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw BatchRejections.unreadable("", "unexpected content after the JSON object");
            }
            if (readings == null) {
                throw BatchRejections.unreadable("readings", "is required");
            }
            return new IncomingBatch(siteId, readings);
        } catch (JacksonException e) {
            throw BatchRejections.unreadable("", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    private List<IncomingReading> readings(JsonParser parser, JsonToken token) {
        if (token != JsonToken.START_ARRAY) {
            throw BatchRejections.unreadable("readings", "must be an array");
        }
        List<IncomingReading> readings = new ArrayList<>(Math.min(maxReadings, 1024));
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (readings.size() == maxReadings) {
                throw BatchRejections.tooManyReadings(maxReadings);
            }
            readings.add(reading(parser, readings.size()));
        }
        return readings;
    }

    private IncomingReading reading(JsonParser parser, int index) {
        String at = "readings[" + index + "]";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw BatchRejections.unreadable(at, "must be an object");
        }
        String sensorId = null;
        Double value = null;
        Instant timestamp = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "sensor_id" -> sensorId = text(parser, token, at + ".sensor_id");
                case "value" -> value = number(parser, token, at + ".value");
                case "timestamp" -> timestamp = timestamp(parser, token, at + ".timestamp");
                default -> parser.skipChildren();
            }
        }
        if (sensorId == null) {
            throw BatchRejections.unreadable(at + ".sensor_id", "is required");
        }
        if (value == null) {
            throw BatchRejections.unreadable(at + ".value", "is required");
        }
        return new IncomingReading(sensorId, value, timestamp);
    }

    private static String text(JsonParser parser, JsonToken token, String field) {
        if (token != JsonToken.VALUE_STRING) {
            throw BatchRejections.unreadable(field, "must be a string");
        }
        return parser.getString();
    }

    private static double number(JsonParser parser, JsonToken token, String field) {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw BatchRejections.unreadable(field, "must be a number");
        }
        return parser.getDoubleValue(); // 1e999 reads as Infinity and is refused by validation
    }

    private static Instant timestamp(JsonParser parser, JsonToken token, String field) {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> {
                long millis = parser.getLongValue();
                yield Instant.ofEpochMilli(millis);
            }
            case VALUE_STRING -> {
                try {
                    yield OffsetDateTime.parse(parser.getString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    throw BatchRejections.unreadable(field, "must be an RFC 3339 timestamp with offset, e.g. 2026-11-27T10:00:00Z");
                }
            }
            default -> throw BatchRejections.unreadable(field, "must be an RFC 3339 string or epoch milliseconds");
        };
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
