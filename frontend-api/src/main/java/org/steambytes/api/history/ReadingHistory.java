package org.steambytes.api.history;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.SensorView;
import org.steambytes.api.sensor.SiteSensors;
import org.steambytes.api.site.Sites;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.history.SiteHistories;
import org.steambytes.common.problem.ProblemException;

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

    /**
     * Several sensors' histories over one window as JSON ({@link SiteHistories}), passed on as ai-processor
     * wrote it: {@code sensorIds} repeated and/or comma-separated, each once in the order asked; none named:
     * every sensor of the site, by {@code sensor_id}. Refused as the per-sensor history refuses (404 for a
     * site out of scope and for a sensor the site does not have, 422 for bad parameters), and with 422 for
     * more than {@value SiteHistories#MAX_SENSORS} sensors or {@value SiteHistories#MAX_POINTS} points in all.
     */
    public byte[] readSiteJson(ApiCaller caller, String siteId, List<String> sensorIds,
            HistoryQuery.Parameters parameters) {
        String timezone = sites.timezone(caller, siteId);
        List<String> known = sensors.of(caller, siteId).stream().map(SensorView::sensorId).toList();
        List<String> asked = asked(caller, siteId, sensorIds, known);
        HistoryQuery window = HistoryQuery.parse(siteId, null, parameters, ZoneId.of(timezone), clock);
        SiteHistories.check(asked.size(), window);
        return client.readSiteJson(window, asked);
    }

    private List<String> asked(ApiCaller caller, String siteId, List<String> sensorIds, List<String> known) {
        if (sensorIds == null || sensorIds.isEmpty()) {
            if (known.size() > SiteHistories.MAX_SENSORS) {
                throw ProblemException.invalid("sensor_id", "the site has more than " + SiteHistories.MAX_SENSORS
                        + " sensors: name at most " + SiteHistories.MAX_SENSORS);
            }
            return known;
        }
        Set<String> ids = ExportQuery.named(sensorIds);
        if (ids.contains("")) {
            throw ProblemException.invalid("sensor_id", "must not be empty (a comma too many?)");
        }
        if (ids.size() > SiteHistories.MAX_SENSORS) {
            throw SiteHistories.tooManySensors(ids.size());
        }
        Set<String> sensorsOfSite = new HashSet<>(known);
        for (String id : ids) {
            if (!sensorsOfSite.contains(id)) {
                sensors.one(caller, siteId, id); // 404 sensor_not_found, as the per-sensor history answers
            }
        }
        return List.copyOf(ids);
    }
}
