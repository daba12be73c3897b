package org.steambytes.analytics.history.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.analytics.history.HistoryReader;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.history.SiteHistories;
import org.steambytes.common.problem.ProblemException;

/**
 * The internal history API frontend-api serves integrators from (internal token only). Site scope and
 * sensor existence are frontend-api's business; this answers for whatever site and sensor it is given.
 */
@RestController
class HistoryController {

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final HistoryReader reader;
    private final Clock clock;

    HistoryController(HistoryReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping("/internal/v1/history")
    History history(@RequestParam("site_id") String siteId, @RequestParam("sensor_id") String sensorId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, @RequestParam(required = false) String aggregate,
            @RequestParam(required = false) String tz) {
        HistoryQuery query = HistoryQuery.parse(siteId, sensorId,
                new HistoryQuery.Parameters(from, to, interval, aggregate, tz), UTC, clock);
        return reader.read(query);
    }

    /**
     * Several sensors of one site over one window ({@code sensor_id} repeated or comma-separated, each once,
     * in the order given; none: no histories): the same {@link History} per sensor as
     * {@code /internal/v1/history}, read together.
     */
    @GetMapping("/internal/v1/histories")
    SiteHistories histories(@RequestParam("site_id") String siteId,
            @RequestParam(name = "sensor_id", required = false) List<String> sensorIds,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, @RequestParam(required = false) String aggregate,
            @RequestParam(required = false) String tz) {
        Set<String> sensors = new LinkedHashSet<>();
        if (sensorIds != null) {
            sensorIds.forEach(value -> List.of(value.split(",", -1)).forEach(id -> sensors.add(id.strip())));
        }
        if (sensors.contains("")) {
            throw ProblemException.invalid("sensor_id", "must not be empty");
        }
        if (sensors.size() > SiteHistories.MAX_SENSORS) {
            throw SiteHistories.tooManySensors(sensors.size());
        }
        HistoryQuery window = HistoryQuery.parse(siteId, null,
                new HistoryQuery.Parameters(from, to, interval, aggregate, tz), UTC, clock);
        SiteHistories.check(sensors.size(), window);
        return reader.read(window, List.copyOf(sensors));
    }
}
