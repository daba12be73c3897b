package org.steambytes.api.sensor;

import java.time.Clock;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
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
    private final AuditLog audit;

    Sensors(SensorRepository sensors, Sites sites, Clock clock, AuditLog audit) {
        this.sensors = sensors;
        this.sites = sites;
        this.clock = clock;
        this.audit = audit;
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
        SensorView created = sensors.save(sensor).view();
        audit.record(caller, AuditAction.CREATE, AuditedResource.SENSOR, sensorId, siteId, null, created);
        return created;
    }

    @Transactional
    /** {@code change} gets the sensor as it is and says what it becomes. */
    public SensorView update(ApiCaller caller, String siteId, String sensorId, Function<SensorView, SensorDetails> change) {
        sites.requireVisible(caller, siteId);
        Sensor sensor = find(siteId, sensorId);
        SensorView before = sensor.view();
        sensor.update(change.apply(before), clock.instant());
        SensorView after = sensor.view();
        audit.record(caller, AuditAction.UPDATE, AuditedResource.SENSOR, sensorId, siteId, before, after);
        return after;
    }

    @Transactional
    public void delete(ApiCaller caller, String siteId, String sensorId) {
        sites.requireVisible(caller, siteId);
        Sensor sensor = find(siteId, sensorId);
        audit.record(caller, AuditAction.DELETE, AuditedResource.SENSOR, sensorId, siteId, sensor.view(), null);
        sensors.delete(sensor);
    }

    private Sensor find(String siteId, String sensorId) {
        return sensors.findBySiteIdAndSensorId(siteId, sensorId).orElseThrow(() -> notFound(siteId, sensorId));
    }

    static ProblemException notFound(String siteId, String sensorId) {
        return ProblemException.of(HttpStatus.NOT_FOUND, "sensor_not_found",
                "Site '" + siteId + "' has no sensor '" + sensorId + "'.");
    }
}
