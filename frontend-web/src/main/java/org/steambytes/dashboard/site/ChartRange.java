package org.steambytes.dashboard.site;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The window a chart shows and the bucket width it asks the history API for. The width is the
 * smallest on the ladder that is no finer than the sensor's expected interval (finer buckets would
 * be mostly empty) and keeps the chart at or under {@value #MAX_POINTS} points — the history API's
 * own default budget, and about a chart's width in pixels: more points draw nothing more but cost
 * every layer on the way (docs/PERFORMANCE.md, dashboard). The aggregate is the mean of each bucket.
 * A preset is {@code open}: it ends now, and the history API is asked without an end.
 */
record ChartRange(Instant from, Instant to, String interval, boolean open) {

    static final int MAX_POINTS = 1_000;
    static final List<String> PRESETS = List.of("1h", "24h", "7d", "30d");
    private static final List<String> LADDER = List.of("1s", "5s", "10s", "30s", "1m", "2m", "5m", "10m", "15m", "30m",
            "1h", "3h", "6h", "12h", "1d", "7d");
    /** Beyond this a custom window is refused (and the 7d ladder top would exceed the point budget). */
    static final Duration LONGEST = Duration.ofDays(3660);

    /** A preset ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}) ending now. */
    static Optional<ChartRange> preset(String name, Instant now, int sensorIntervalS) {
        Duration window = switch (name == null ? "24h" : name) {
            case "1h" -> Duration.ofHours(1);
            case "24h" -> Duration.ofHours(24);
            case "7d" -> Duration.ofDays(7);
            case "30d" -> Duration.ofDays(30);
            default -> null;
        };
        return window == null ? Optional.empty() : Optional.of(of(now.minus(window), now, sensorIntervalS, true));
    }

    /** A custom window given as local date-times ({@code 2026-11-27T10:00}) in the site's zone. */
    static Optional<ChartRange> custom(String from, String to, ZoneId zone, int sensorIntervalS) {
        try {
            Instant start = LocalDateTime.parse(from).atZone(zone).toInstant();
            Instant end = LocalDateTime.parse(to).atZone(zone).toInstant();
            if (!start.isBefore(end) || Duration.between(start, end).compareTo(LONGEST) > 0) {
                return Optional.empty();
            }
            return Optional.of(of(start, end, sensorIntervalS, false));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static ChartRange of(Instant from, Instant to, int sensorIntervalS, boolean open) {
        Duration window = Duration.between(from, to);
        String chosen = LADDER.get(LADDER.size() - 1);
        for (String step : LADDER) {
            Duration width = width(step);
            if (width.getSeconds() >= Math.max(1, sensorIntervalS) && buckets(window, width) <= MAX_POINTS) {
                chosen = step;
                break;
            }
        }
        return new ChartRange(from, to, chosen, open);
    }

    /** The end to ask the history API for: none for an open window. */
    Instant askedEnd() {
        return open ? null : to;
    }

    /** As the history API counts them: a window not aligned to the width touches one bucket more. */
    static long buckets(Duration window, Duration width) {
        long millis = width.toMillis();
        return (window.toMillis() + millis - 1) / millis + 1;
    }

    static Duration width(String step) {
        long amount = Long.parseLong(step.substring(0, step.length() - 1));
        return switch (step.charAt(step.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }
}
