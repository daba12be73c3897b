package org.steambytes.ingestion.reading;

/**
 * The {@code precision} of a write: the unit of the lines' timestamps. Readings keep milliseconds, so
 * finer timestamps are truncated (floored) to the millisecond. Accepts InfluxDB 1.x's names ({@code n},
 * {@code u}, {@code µ}, {@code m}, {@code h}) and 2.x's ({@code ns}, {@code us}, {@code ms}, {@code s}).
 */
public enum TimePrecision {
    NANOSECONDS(1, 1_000_000), MICROSECONDS(1, 1_000), MILLISECONDS(1, 1), SECONDS(1_000, 1),
    MINUTES(60_000, 1), HOURS(3_600_000, 1);

    private final long multiply;
    private final long divide;

    TimePrecision(long multiply, long divide) {
        this.multiply = multiply;
        this.divide = divide;
    }

    /** The precision named by the query parameter; nanoseconds when absent; null when unknown. */
    public static TimePrecision of(String name) {
        if (name == null || name.isEmpty()) {
            return NANOSECONDS;
        }
        return switch (name) {
            case "n", "ns" -> NANOSECONDS;
            case "u", "us", "µ", "µs" -> MICROSECONDS;
            case "ms" -> MILLISECONDS;
            case "s" -> SECONDS;
            case "m" -> MINUTES;
            case "h" -> HOURS;
            default -> null;
        };
    }

    /** Epoch milliseconds of a timestamp in this unit, floored. */
    long toMillis(long timestamp) {
        return divide > 1 ? Math.floorDiv(timestamp, divide) : Math.multiplyExact(timestamp, multiply);
    }
}
