package org.steambytes.api.history;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.SiteSensors;
import org.steambytes.api.site.Sites;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryQuery;

/**
 * A sensor's bucketed history for a caller who may see its site; buckets in the site's time zone unless asked
 * otherwise. The site's time zone and its sensors come from this replica's memory ({@link Sites#timezone},
 * {@link SiteSensors}): no PostgreSQL read per request.
 */
@Service
public class ReadingHistory {

    private final Sites sites;
    private final SiteSensors sensors;
    private final HistoryClient client;
    private final Clock clock;

    ReadingHistory(Sites sites, SiteSensors sensors, HistoryClient client, Clock clock) {
        this.sites = sites;
        this.sensors = sensors;
        this.client = client;
        this.clock = clock;
    }

    /** The history as JSON ({@link History}), passed on as ai-processor wrote it. */
    public byte[] readJson(ApiCaller caller, String siteId, String sensorId, HistoryQuery.Parameters parameters) {
        String timezone = sites.timezone(caller, siteId);
        sensors.one(caller, siteId, sensorId); // 404 for a sensor the site does not have
        HistoryQuery query = HistoryQuery.parse(siteId, sensorId, parameters, ZoneId.of(timezone), clock);
        return client.readJson(query);
    }
}
