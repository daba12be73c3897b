package org.steambytes.common.reading;

import java.time.Instant;
import java.util.Objects;

/**
 * One sensor value at one instant, as stored in the time-series store: measurement {@code reading},
 * tags {@code site_id}, {@code sensor_id}, {@code sensor_type}, field {@code value}, millisecond time.
 * Same site, sensor and timestamp name the same point: writing it again overwrites, never duplicates.
 */
public record Reading(String siteId, String sensorId, String sensorType, double value, Instant timestamp) {

    public Reading {
        requireTag("siteId", siteId);
        requireTag("sensorId", sensorId);
        requireTag("sensorType", sensorType);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reading value must be finite, was " + value);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        // The store keeps milliseconds; truncating here makes equality mean "same stored point".
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
    }

    private static void requireTag(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException(name + " must not contain line breaks or backslashes");
        }
    }
}
