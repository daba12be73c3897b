package org.steambytes.api.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.steambytes.api.window.TimeWindow;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.BucketInterval;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * A validated CSV export: the readings of {@code sensorIds} in {@code [from, to)}, bucketed by {@code interval}
 * in the site's zone. Parameters are read as the JSON history reads them, but the window may be up to
 * {@link #LONGEST} and hold up to {@link #MAX_ROWS} buckets: the export streams, so its size is no memory limit.
 */
public record ExportQuery(String siteId, ZoneId zone, List<String> sensorIds, Instant from, Instant to,
        BucketInterval interval, Aggregate aggregate) {

    /** A leap year and a day to spare for an unaligned start. */
    public static final Duration LONGEST = Duration.ofDays(367);
    /** A year at one minute fits (527,041 buckets); a year at one second does not. */
    public static final long MAX_ROWS = 1_000_000;
    public static final int MAX_SENSORS = 100;
    /** InfluxDB's time range, as the JSON history checks it. */
    private static final Instant EARLIEST = Instant.parse("1677-09-22T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2262-04-10T00:00:00Z");

    /** The raw query parameters; each may be null (then its default applies, as in the JSON history). */
    public record Parameters(String from, String to, String interval, String aggregate, List<String> sensorIds) {
    }

    /**
     * Every parameter problem at once (422 {@code validation_failed}); {@code known} are the site's sensors,
     * all of them exported, in this order, when no {@code sensor_id} is given.
     */
    static ExportQuery parse(String siteId, ZoneId zone, List<String> known, Parameters parameters, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        TimeWindow window = null;
        try {
            window = TimeWindow.parse(parameters.from(), parameters.to(), Duration.ofHours(24), LONGEST, clock);
        } catch (ProblemException invalidWindow) {
            problems.addAll(fieldProblems(invalidWindow));
        }
        if (window != null && (window.from().isBefore(EARLIEST) || window.to().isAfter(LATEST))) {
            problems.add(FieldProblem.of(window.from().isBefore(EARLIEST) ? "from" : "to",
                    "must lie between " + EARLIEST + " and " + LATEST));
        }
        Aggregate aggregate = Aggregate.MEAN;
        if (parameters.aggregate() != null) {
            aggregate = Aggregate.parse(parameters.aggregate()).orElse(null);
            if (aggregate == null) {
                problems.add(FieldProblem.of("aggregate", "must be one of " + Aggregate.names()));
            }
        }
        BucketInterval interval = null;
        if (parameters.interval() != null) {
            interval = BucketInterval.parse(parameters.interval()).orElse(null);
            if (interval == null) {
                problems.add(FieldProblem.of("interval", "must be a whole number and one unit of s, m, h, d, w,"
                        + " such as 15m, 1h or 1d, at most " + BucketInterval.LONGEST.toDays() + "d"));
            }
        }
        List<String> sensors = sensors(parameters.sensorIds(), known, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    "The export request is invalid: " + problems.get(0).field() + " " + problems.get(0).message() + ".")
                    .withErrors(problems);
        }
        Duration length = Duration.between(window.from(), window.to());
        if (interval == null) {
            interval = BucketInterval.auto(length);
        }
        long rows = interval.bucketsIn(length);
        if (rows > MAX_ROWS) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "too_many_rows",
                    "The export would have " + rows + " rows, more than " + MAX_ROWS
                            + ". Choose a wider interval (for example 1m instead of 1s) or a shorter from/to window.")
                    .withErrors(List.of(FieldProblem.of("interval", "gives more than " + MAX_ROWS + " rows for this window")));
        }
        return new ExportQuery(siteId, zone, sensors, window.from(), window.to(), interval, aggregate);
    }

    /** One sensor's part of a chunk, as the JSON history asks for it. */
    HistoryQuery chunk(String sensorId, Instant chunkFrom, Instant chunkTo) {
        return new HistoryQuery(siteId, sensorId, chunkFrom, chunkTo, interval, aggregate, zone);
    }

    private static List<String> sensors(List<String> asked, List<String> known, List<FieldProblem> problems) {
        if (asked == null || asked.isEmpty()) {
            if (known.size() > MAX_SENSORS) {
                problems.add(FieldProblem.of("sensor_id", "the site has more than " + MAX_SENSORS
                        + " sensors: name at most " + MAX_SENSORS));
            }
            return known;
        }
        Set<String> ids = named(asked);
        if (ids.size() > MAX_SENSORS) {
            problems.add(FieldProblem.of("sensor_id", "at most " + MAX_SENSORS + " sensors per export"));
        }
        for (String id : ids) {
            if (!known.contains(id)) {
                problems.add(FieldProblem.of("sensor_id", "unknown sensor '" + id + "' of this site"));
            }
        }
        return List.copyOf(ids);
    }

    /** The sensors a {@code sensor_id} parameter names ({@code sensor_id=a&sensor_id=b} or {@code sensor_id=a,b}), each once, in the order asked. */
    static Set<String> named(List<String> sensorIdParameters) {
        Set<String> ids = new LinkedHashSet<>();
        sensorIdParameters.forEach(value -> List.of(value.split(",", -1)).forEach(id -> ids.add(id.strip())));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> fieldProblems(ProblemException problem) {
        Object errors = problem.getBody().getProperties() == null ? null : problem.getBody().getProperties().get("errors");
        return errors instanceof List<?> list ? (List<FieldProblem>) list : List.of();
    }
}
