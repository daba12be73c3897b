package org.steambytes.api.history;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.Sensors;
import org.steambytes.api.site.SiteView;
import org.steambytes.api.site.Sites;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryQuery;

/** A sensor's bucketed history for a caller who may see its site; buckets in the site's time zone unless asked otherwise. */
@Service
public class ReadingHistory {

    private final Sites sites;
    private final Sensors sensors;
    private final HistoryClient client;
    private final Clock clock;

    ReadingHistory(Sites sites, Sensors sensors, HistoryClient client, Clock clock) {
        this.sites = sites;
        this.sensors = sensors;
        this.client = client;
        this.clock = clock;
    }

    public History read(ApiCaller caller, String siteId, String sensorId, HistoryQuery.Parameters parameters) {
        SiteView site = sites.get(caller, siteId);
        sensors.get(caller, siteId, sensorId); // 404 for a sensor the site does not have
        HistoryQuery query = HistoryQuery.parse(siteId, sensorId, parameters, ZoneId.of(site.timezone()), clock);
        return client.read(query);
    }
}
