package org.steambytes.api.sensor;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.change.Change;
import org.steambytes.api.change.ChangeBus;
import org.steambytes.api.change.LocalCache;
import org.steambytes.api.site.Sites;

/**
 * Every sensor of a site, for the hot read paths (latest values): kept in this replica's memory for
 * up to 10 s and forgotten on every replica when anything under a site changes through this API
 * ({@link Change#site}), so a changed sensor shows in the next answer. No transaction on a hit.
 */
@Component
public class SiteSensors {

    private final SensorRepository sensors;
    private final Sites sites;
    private final LocalCache<String, List<SensorView>> bySite;

    SiteSensors(SensorRepository sensors, Sites sites, ChangeBus changes) {
        this.sensors = sensors;
        this.sites = sites;
        this.bySite = changes.cache(Duration.ofSeconds(10), Change::aboutSites);
    }

    /** By slug; 404 for a site the caller cannot see or that does not exist. */
    public List<SensorView> of(ApiCaller caller, String siteId) {
        sites.requireVisible(caller, siteId);
        return bySite.get(siteId, site -> sensors.findBySiteIdOrderBySensorId(site).stream().map(Sensor::view).toList());
    }

    /** One sensor of the site, from the same memory; 404 for a site as in {@link #of}, and for a sensor it does not have. */
    public SensorView one(ApiCaller caller, String siteId, String sensorId) {
        return of(caller, siteId).stream().filter(sensor -> sensor.sensorId().equals(sensorId)).findFirst()
                .orElseThrow(() -> Sensors.notFound(siteId, sensorId));
    }
}
