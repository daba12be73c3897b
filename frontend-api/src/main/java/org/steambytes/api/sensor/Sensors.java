package org.steambytes.api.sensor;

import java.time.Clock;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.site.Sites;
import org.steambytes.common.problem.ProblemException;

/**
 * A site's sensors. iot-ingestion re-reads sensor metadata at least every 30 s (and at once for a
 * sensor it does not know), so a change here reaches ingestion within that time.
 */
@Service
public class Sensors {

    private final SensorRepository sensors;
    private final Sites sites;
    private final Clock clock;

    Sensors(SensorRepository sensors, Sites sites, Clock clock) {
        this.sensors = sensors;
        this.sites = sites;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<SensorView> list(ApiCaller caller, String siteId, Pageable pageable) {
        sites.requireVisible(caller, siteId);
        return sensors.findBySiteId(siteId, pageable).map(Sensor::view);
    }

    /** Every sensor of a site the caller may see, by slug. */
    @Transactional(readOnly = true)
    public java.util.List<SensorView> all(ApiCaller caller, String siteId) {
        sites.requireVisible(caller, siteId);
        return sensors.findBySiteIdOrderBySensorId(siteId).stream().map(Sensor::view).toList();
    }

    @Transactional(readOnly = true)
    public SensorView get(ApiCaller caller, String siteId, String sensorId) {
        sites.requireVisible(caller, siteId);
        return find(siteId, sensorId).view();
    }

    @Transactional
    public SensorView create(ApiCaller caller, String siteId, String sensorId, SensorDetails details) {
        sites.requireVisible(caller, siteId);
        if (sensors.existsBySiteIdAndSensorId(siteId, sensorId)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "sensor_exists",
                    "Site '" + siteId + "' has a sensor '" + sensorId + "' already.");
        }
        Sensor sensor = new Sensor(siteId, sensorId, clock.instant());
        sensor.update(details, clock.instant());
        return sensors.save(sensor).view();
    }

    @Transactional
    /** {@code change} gets the sensor as it is and says what it becomes. */
    public SensorView update(ApiCaller caller, String siteId, String sensorId, Function<SensorView, SensorDetails> change) {
        sites.requireVisible(caller, siteId);
        Sensor sensor = find(siteId, sensorId);
        sensor.update(change.apply(sensor.view()), clock.instant());
        return sensor.view();
    }

    @Transactional
    public void delete(ApiCaller caller, String siteId, String sensorId) {
        sites.requireVisible(caller, siteId);
        sensors.delete(find(siteId, sensorId));
    }

    private Sensor find(String siteId, String sensorId) {
        return sensors.findBySiteIdAndSensorId(siteId, sensorId).orElseThrow(() -> ProblemException.of(
                HttpStatus.NOT_FOUND, "sensor_not_found", "Site '" + siteId + "' has no sensor '" + sensorId + "'."));
    }
}
