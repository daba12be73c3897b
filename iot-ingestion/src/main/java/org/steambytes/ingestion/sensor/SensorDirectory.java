package org.steambytes.ingestion.sensor;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.ingestion.IngestionProperties;
import org.steambytes.ingestion.metadata.StaleTolerantCache;

/**
 * Sensor metadata per site from PostgreSQL, trusted for the metadata TTL. A reading naming a sensor
 * the cache does not know triggers a re-read at most every few seconds, so a sensor just added
 * through the API is accepted at once rather than after the TTL.
 */
@Component
public class SensorDirectory {

    private static final Duration UNKNOWN_SENSOR_RECHECK = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final StaleTolerantCache<String, SiteSensors> bySite;

    SensorDirectory(JdbcTemplate jdbc, IngestionProperties properties) {
        this.jdbc = jdbc;
        this.bySite = new StaleTolerantCache<>(properties.ingestion().metadataTtl(), 100_000);
    }

    public SiteSensors sensorsOf(String siteId) {
        return bySite.get(siteId, this::load);
    }

    /** The site's sensors, re-read if the cached copy is more than a few seconds old. */
    public SiteSensors recheckSensorsOf(String siteId) {
        return bySite.getNoOlderThan(siteId, this::load, UNKNOWN_SENSOR_RECHECK);
    }

    private SiteSensors load(String siteId) {
        Map<String, SensorSpec> sensors = new HashMap<>();
        jdbc.query("SELECT sensor_id, sensor_type, unit, min_valid, max_valid FROM sensors WHERE site_id = ?",
                rs -> {
                    SensorSpec spec = new SensorSpec(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getDouble(4), rs.getDouble(5));
                    sensors.put(spec.sensorId(), spec);
                }, siteId);
        return new SiteSensors(siteId, Map.copyOf(sensors));
    }
}
