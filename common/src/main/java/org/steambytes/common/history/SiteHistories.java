package org.steambytes.common.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * The answer of the multi-sensor history (one request for a site page's charts): the query as it was run
 * and, per sensor in the order asked, the same {@link History} the per-sensor history gives for that window.
 * All sensors share the window, interval, aggregate, time zone and so the resolution (it follows from
 * {@code from}). frontend-api and ai-processor apply the same limits ({@link #check}).
 */
public record SiteHistories(String siteId, String aggregate, String interval, String timezone, Instant from,
        Instant to, String resolution, List<History> histories) {

    /** Sensors per request, as the CSV export allows. */
    public static final int MAX_SENSORS = 100;
    /** Points of all sensors together (20 sensors at the per-sensor maximum): bounds one answer's memory. */
    public static final long MAX_POINTS = 200_000;

    /**
     * 422 {@code validation_failed} on {@code sensor_id} for more than {@link #MAX_SENSORS} sensors, 422
     * {@code too_many_points} when the sensors' buckets together would exceed {@link #MAX_POINTS}.
     */
    public static void check(int sensors, HistoryQuery query) {
        if (sensors > MAX_SENSORS) {
            throw tooManySensors(sensors);
        }
        long points = sensors * query.interval().bucketsIn(Duration.between(query.from(), query.to()));
        if (points > MAX_POINTS) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "too_many_points",
                    "The request asks for " + points + " points (" + sensors + " sensors), more than " + MAX_POINTS
                            + ". Choose a wider interval, a shorter from/to window or fewer sensors.")
                    .withErrors(List.of(FieldProblem.of("interval",
                            "gives more than " + MAX_POINTS + " points for this window and these sensors")));
        }
    }

    public static ProblemException tooManySensors(int sensors) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                "The history request is invalid: sensor_id names " + sensors + " sensors, at most " + MAX_SENSORS
                        + " per request.")
                .withErrors(List.of(FieldProblem.of("sensor_id", "at most " + MAX_SENSORS + " sensors per request")));
    }
}
