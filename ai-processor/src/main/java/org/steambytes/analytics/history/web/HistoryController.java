package org.steambytes.analytics.history.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.analytics.history.HistoryReader;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryQuery;

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
}
