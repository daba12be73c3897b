package org.steambytes.common.history;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * A validated history request: readings of one sensor in {@code [from, to)}, bucketed by
 * {@code interval} in {@code zone}, each bucket reduced by {@code aggregate}. frontend-api and
 * ai-processor parse the same parameters with the same rules, so both refuse the same requests.
 */
public record HistoryQuery(String siteId, String sensorId, Instant from, Instant to, BucketInterval interval,
        Aggregate aggregate, ZoneId zone) {

    /** More buckets than this are refused: the answer would be too large to draw or to ship. */
    public static final int MAX_POINTS = 10_000;
    private static final Pattern EPOCH_MILLIS = Pattern.compile("[0-9]{11,15}"); // from April 1970 on: "2026" or "20260329" is not a time
    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** InfluxDB's time range (nanoseconds in a signed 64-bit integer), with a day to spare. */
    static final Instant EARLIEST = Instant.parse("1677-09-22T00:00:00Z");
    static final Instant LATEST = Instant.parse("2262-04-10T00:00:00Z");
    /** Copied once: {@link ZoneId#getAvailableZoneIds} copies ~600 names on every call (a tenth of a history request's CPU). */
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    /** The raw query parameters, each may be null (then its default applies). */
    public record Parameters(String from, String to, String interval, String aggregate, String tz) {
    }

    /**
     * Parses and checks every parameter; all problems at once as a 422 naming each field. Defaults:
     * {@code to} now, {@code from} 24 h before {@code to}, {@code aggregate} mean, {@code tz}
     * {@code defaultZone}, {@code interval} the smallest of 1m, 5m, 15m, 30m, 1h, … keeping ≤ 1,000 buckets.
     */
    public static HistoryQuery parse(String siteId, String sensorId, Parameters parameters, ZoneId defaultZone,
            Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant to = parameters.to() == null ? clock.instant() : instant("to", parameters.to(), problems);
        Instant from = parameters.from() == null
                ? (to == null ? null : to.minus(DEFAULT_WINDOW))
                : instant("from", parameters.from(), problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(FieldProblem.of("to", "must be after from (" + from + ")"));
        }
        Aggregate aggregate = Aggregate.MEAN;
        if (parameters.aggregate() != null) {
            aggregate = Aggregate.parse(parameters.aggregate()).orElse(null);
            if (aggregate == null) {
                problems.add(FieldProblem.of("aggregate", "must be one of " + Aggregate.names()));
            }
        }
        ZoneId zone = parameters.tz() == null ? defaultZone : zone(parameters.tz(), problems);
        BucketInterval interval = null;
        if (parameters.interval() != null) {
            interval = BucketInterval.parse(parameters.interval()).orElse(null);
            if (interval == null) {
                problems.add(FieldProblem.of("interval",
                        "must be a whole number and one unit of s, m, h, d, w, such as 15m, 1h or 1d, at most "
                                + BucketInterval.LONGEST.toDays() + "d"));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        Duration window = Duration.between(from, to);
        if (interval == null) {
            interval = BucketInterval.auto(window);
        }
        long buckets = interval.bucketsIn(window);
        if (buckets > MAX_POINTS) {
            throw tooManyPoints(buckets);
        }
        return new HistoryQuery(siteId, sensorId, from, to, interval, aggregate, zone);
    }

    /** The answer would exceed {@link #MAX_POINTS}: say how to narrow it. */
    public static ProblemException tooManyPoints(long points) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "too_many_points",
                "The request asks for " + points + " points, more than " + MAX_POINTS
                        + ". Choose a wider interval (for example 1h instead of 1m) or a shorter from/to window.")
                .withErrors(List.of(FieldProblem.of("interval", "gives more than " + MAX_POINTS + " points for this window")));
    }

    /** The same window, interval, aggregate and zone for another sensor (of a multi-sensor request). */
    public HistoryQuery forSensor(String otherSensorId) {
        return new HistoryQuery(siteId, otherSensorId, from, to, interval, aggregate, zone);
    }

    /** A window that ends in the past cannot change any more (save late readings) and may be cached. */
    public boolean closedAt(Instant now) {
        return !to.isAfter(now);
    }

    public String timezone() {
        return zone.getId();
    }

    private static Instant instant(String field, String text, List<FieldProblem> problems) {
        try {
            Instant instant = EPOCH_MILLIS.matcher(text).matches() ? Instant.ofEpochMilli(Long.parseLong(text))
                    : OffsetDateTime.parse(text).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                problems.add(FieldProblem.of(field, "must lie between " + EARLIEST + " and " + LATEST));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "must be an RFC 3339 date-time with offset, such as 2026-03-29T00:00:00Z, or epoch milliseconds"));
            return null;
        }
    }

    private static ZoneId zone(String text, List<FieldProblem> problems) {
        // Region names only (Europe/Berlin, UTC): InfluxDB's tz() knows those, not bare offsets.
        if (ZONE_IDS.contains(text)) {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                // falls through to the problem below
            }
        }
        problems.add(FieldProblem.of("tz", "must be an IANA time zone name, such as Europe/Berlin or UTC"));
        return null;
    }

    private static ProblemException invalid(List<FieldProblem> problems) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                "The history request is invalid: " + problems.get(0).field() + " " + problems.get(0).message() + ".")
                .withErrors(problems);
    }
}
