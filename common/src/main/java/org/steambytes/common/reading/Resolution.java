package org.steambytes.common.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fine the stored history is (docs/ARCHITECTURE.md §2 "Rollups and retention"): the raw readings,
 * 1-minute rollups computed from them and hourly rollups computed from the 1-minute ones. A rollup
 * bucket starts at a multiple of its width from the epoch (UTC) and keeps the mean, min, max, count,
 * sum and last value of its readings.
 */
public enum Resolution {
    RAW("raw", Duration.ZERO),
    MINUTE("1m", Duration.ofMinutes(1)),
    HOUR("1h", Duration.ofHours(1));

    private final String wireName;
    private final Duration width;

    Resolution(String wireName, Duration width) {
        this.wireName = wireName;
        this.width = width;
    }

    /** The name in the history API's {@code resolution} field: {@code raw}, {@code 1m} or {@code 1h}. */
    public String wireName() {
        return wireName;
    }

    /** A rollup bucket's width (zero for raw readings). */
    public Duration width() {
        return width;
    }

    /** The start of the rollup bucket holding {@code time} ({@code time} itself for raw readings). */
    public Instant floor(Instant time) {
        if (this == RAW) {
            return time;
        }
        long millis = width.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), millis) * millis);
    }

    /**
     * {@code [from, to)} moved down to bucket starts and cut into pieces of an hour (1m) or a day (1h),
     * so one rollup statement's answer stays small whatever the window.
     */
    List<Instant[]> pieces(Instant from, Instant to) {
        Instant start = floor(from);
        Instant end = floor(to);
        Duration piece = this == MINUTE ? Duration.ofHours(1) : Duration.ofDays(1);
        List<Instant[]> pieces = new ArrayList<>();
        for (Instant at = start; at.isBefore(end); at = at.plus(piece)) {
            Instant next = at.plus(piece);
            pieces.add(new Instant[] {at, next.isAfter(end) ? end : next});
        }
        return pieces;
    }

    /** The resolution a rollup of this one is computed from (raw for 1m, 1m for 1h). */
    Resolution source() {
        return switch (this) {
            case RAW -> throw new IllegalArgumentException("raw readings are not rolled up from anything");
            case MINUTE -> RAW;
            case HOUR -> MINUTE;
        };
    }

    /** The InfluxDB retention policy holding this resolution's rollups ({@code rollup_1m}, {@code rollup_1h}). */
    String retentionPolicy() {
        return "rollup_" + wireName.toLowerCase(Locale.ROOT);
    }

    /** The PostgreSQL table holding this resolution's rollups (db/migrations V11). */
    String table() {
        return switch (this) {
            case RAW -> "readings";
            case MINUTE -> "reading_rollups_1m";
            case HOUR -> "reading_rollups_1h";
        };
    }
}
