package org.steambytes.common.stream;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.steambytes.common.stream.ReadingsStreamEntry.UnreadableEntryException;

/**
 * One entry of the anomalies stream {@code ai_processor:anomalies} (docs/API.md "Redis", a public
 * contract): one stored anomaly, as the fields {@code anomaly_id}, {@code site_id}, {@code sensor_id},
 * {@code detector} ({@code zscore}, {@code ewma}, {@code cusum}), {@code observed_at} (ISO-8601),
 * {@code value}, {@code score}, {@code threshold} and {@code explanation}. ai-processor encodes it after
 * the row commits; alert-service decodes it. An entry may come twice (at-least-once): the id tells.
 */
public record AnomalyStreamEntry(long anomalyId, String siteId, String sensorId, String detector, Instant observedAt,
        double value, double score, double threshold, String explanation) {

    public static final String ANOMALY_ID = "anomaly_id";
    public static final String SITE_ID = "site_id";
    public static final String SENSOR_ID = "sensor_id";
    public static final String DETECTOR = "detector";
    public static final String OBSERVED_AT = "observed_at";
    public static final String VALUE = "value";
    public static final String SCORE = "score";
    public static final String THRESHOLD = "threshold";
    public static final String EXPLANATION = "explanation";

    /** The stream fields, in the contract's order. */
    public Map<String, String> encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ANOMALY_ID, Long.toString(anomalyId));
        fields.put(SITE_ID, siteId);
        fields.put(SENSOR_ID, sensorId);
        fields.put(DETECTOR, detector);
        fields.put(OBSERVED_AT, observedAt.toString());
        fields.put(VALUE, Double.toString(value));
        fields.put(SCORE, Double.toString(score));
        fields.put(THRESHOLD, Double.toString(threshold));
        fields.put(EXPLANATION, explanation);
        return fields;
    }

    /**
     * The entry of a stream record's fields (string keys and values, as Redis returns them).
     *
     * @throws UnreadableEntryException when a field is missing or not of its type
     */
    public static AnomalyStreamEntry decode(Map<?, ?> fields) {
        if (fields == null) {
            throw new UnreadableEntryException("no fields");
        }
        try {
            return new AnomalyStreamEntry(Long.parseLong(text(fields, ANOMALY_ID)), text(fields, SITE_ID),
                    text(fields, SENSOR_ID), text(fields, DETECTOR), Instant.parse(text(fields, OBSERVED_AT)),
                    number(fields, VALUE), number(fields, SCORE), number(fields, THRESHOLD), text(fields, EXPLANATION));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UnreadableEntryException("unreadable anomaly entry: " + e.getMessage());
        }
    }

    private static String text(Map<?, ?> fields, String name) {
        if (!(fields.get(name) instanceof String value) || value.isEmpty()) {
            throw new UnreadableEntryException("no " + name);
        }
        return value;
    }

    private static double number(Map<?, ?> fields, String name) {
        double value = Double.parseDouble(text(fields, name));
        if (!Double.isFinite(value)) {
            throw new UnreadableEntryException(name + " is not finite");
        }
        return value;
    }
}
