package org.steambytes.dashboard.site;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.dashboard.api.FrontendApi;
import org.steambytes.dashboard.api.Sensor;

/**
 * Charts' data as the browser's uPlot wants it: {@code {"t": [epoch seconds], "v": [values or null]}}
 * per sensor, fetched from frontend-api's history as the user (the browser never holds a token).
 * {@code range} is a preset or {@code custom} with {@code from}/{@code to} as local date-times in
 * {@code tz}, the site's zone, which the history buckets use too. The site page asks once for all its
 * charts ({@code /sites/{id}/history}): a browser opens six connections per host, one held by the live
 * stream, so twenty chart fetches would queue; here they are one multi-sensor request to frontend-api
 * (docs/PERFORMANCE.md, dashboard and "Read path — history").
 */
@RestController
class HistoryController {

    private static final String RANGE_RULE =
            "must be 1h, 24h, 7d, 30d, or custom with from before to (local date-times such as 2026-11-27T10:00)";

    private final FrontendApi api;
    private final SiteCharts charts;
    private final Clock clock;

    HistoryController(FrontendApi api, SiteCharts charts, Clock clock) {
        this.api = api;
        this.charts = charts;
        this.clock = clock;
    }

    /** Every sensor's chart: {@code {"charts": {sensor_id: chart or {"problem": …}}}}. */
    @GetMapping("/sites/{siteId}/history")
    ResponseEntity<Map<String, Object>> siteHistory(Principal user, @PathVariable String siteId,
            @RequestParam(defaultValue = "24h") String range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "UTC") String tz) {
        ZoneId zone = zone(tz);
        Instant now = clock.instant(); // one end for every chart: charts of one interval share one request
        Map<String, ChartRange> wanted = new LinkedHashMap<>();
        for (Sensor sensor : api.sensors(user.getName(), siteId)) {
            wanted.put(sensor.sensorId(), chartRange(range, from, to, zone, sensor.expectedIntervalS(), now));
        }
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(Map.of("charts", charts.fetch(user.getName(), siteId, wanted, zone)));
    }

    @GetMapping("/sites/{siteId}/sensors/{sensorId}/history")
    ResponseEntity<Map<String, Object>> history(Principal user, @PathVariable String siteId, @PathVariable String sensorId,
            @RequestParam(defaultValue = "24h") String range, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "UTC") String tz,
            @RequestParam(name = "interval_s", defaultValue = "10") int sensorIntervalS) {
        ZoneId zone = zone(tz);
        ChartRange chart = chartRange(range, from, to, zone, sensorIntervalS, clock.instant());
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(charts.fetchOne(user.getName(), siteId, sensorId, chart, zone));
    }

    private static ChartRange chartRange(String range, String from, String to, ZoneId zone, int sensorIntervalS,
            Instant now) {
        Optional<ChartRange> chart = "custom".equals(range) ? ChartRange.custom(from, to, zone, sensorIntervalS)
                : ChartRange.preset(range, now, sensorIntervalS);
        return chart.orElseThrow(() -> ProblemException.invalid("range", RANGE_RULE));
    }

    private static ZoneId zone(String tz) {
        try {
            return ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("tz", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
