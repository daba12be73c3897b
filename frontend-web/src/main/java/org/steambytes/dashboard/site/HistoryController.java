package org.steambytes.dashboard.site;

import java.security.Principal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.dashboard.api.FrontendApi;
import org.steambytes.dashboard.api.History;
import org.steambytes.dashboard.api.HistoryPoint;

/**
 * A chart's data as the browser's uPlot wants it: {@code {"t": [epoch seconds], "v": [values or
 * null]}}, fetched from frontend-api's history as the user (the browser never holds a token).
 * {@code range} is a preset or {@code custom} with {@code from}/{@code to} as local date-times in
 * {@code tz}, the site's zone, which the history buckets use too.
 */
@RestController
class HistoryController {

    private final FrontendApi api;
    private final Clock clock;

    HistoryController(FrontendApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/sites/{siteId}/sensors/{sensorId}/history")
    ResponseEntity<Map<String, Object>> history(Principal user, @PathVariable String siteId, @PathVariable String sensorId,
            @RequestParam(defaultValue = "24h") String range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "UTC") String tz,
            @RequestParam(name = "interval_s", defaultValue = "10") int sensorIntervalS) {
        ZoneId zone = zone(tz);
        ChartRange chart = ("custom".equals(range) ? ChartRange.custom(from, to, zone, sensorIntervalS)
                : ChartRange.preset(range, clock.instant(), sensorIntervalS))
                .orElseThrow(() -> ProblemException.invalid("range",
                        "must be 1h, 24h, 7d, 30d, or custom with from before to (local date-times such as 2026-11-27T10:00)"));
        History history = api.history(user.getName(), siteId, sensorId, chart.from(), chart.to(), chart.interval(), "mean");
        List<Long> times = new ArrayList<>(history.points().size());
        List<Double> values = new ArrayList<>(history.points().size());
        for (HistoryPoint point : history.points()) {
            times.add(point.timestamp().toEpochSecond());
            values.add(point.value());
        }
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(Map.of("interval", chart.interval(), "aggregate", "mean", "timezone", zone.getId(),
                        "from", chart.from().getEpochSecond(), "to", chart.to().getEpochSecond(), "t", times, "v", values));
    }

    private static ZoneId zone(String tz) {
        try {
            return ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("tz", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
