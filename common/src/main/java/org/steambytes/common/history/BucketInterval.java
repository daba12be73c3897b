package org.steambytes.common.history;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The width of a history bucket as InfluxQL writes it: a whole number and one unit of
 * {@code s}, {@code m}, {@code h}, {@code d}, {@code w} ({@code 15m}, {@code 1h}, {@code 1d}).
 * Buckets start at multiples of the width in the query's time zone, so {@code 1d} starts at local
 * midnight and a daylight-saving day has 23 or 25 hours.
 */
public record BucketInterval(String text, Duration duration) {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,6})([smhdw])");

    /** What {@link #auto} chooses from: the smallest giving at most {@link #AUTO_POINTS} buckets. */
    private static final List<String> LADDER = List.of("1m", "5m", "15m", "30m", "1h", "3h", "6h", "12h", "1d", "7d");
    static final int AUTO_POINTS = 1_000;
    /** Wider buckets overflow InfluxDB's durations (and no history is that long). */
    public static final Duration LONGEST = Duration.ofDays(3650);

    public static Optional<BucketInterval> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration unit = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> Duration.ofDays(7);
        };
        Duration width = unit.multipliedBy(amount);
        return width.compareTo(LONGEST) > 0 ? Optional.empty() : Optional.of(new BucketInterval(text, width));
    }

    /** The smallest width on the ladder that keeps {@code window} at or under 1,000 buckets. */
    public static BucketInterval auto(Duration window) {
        for (String step : LADDER) {
            BucketInterval interval = parse(step).orElseThrow();
            if (interval.bucketsIn(window) <= AUTO_POINTS) {
                return interval;
            }
        }
        return parse(LADDER.get(LADDER.size() - 1)).orElseThrow();
    }

    /** How many buckets a window touches at most (a window not aligned to the width touches one more). */
    public long bucketsIn(Duration window) {
        long millis = duration.toMillis();
        return (window.toMillis() + millis - 1) / millis + 1;
    }
}
