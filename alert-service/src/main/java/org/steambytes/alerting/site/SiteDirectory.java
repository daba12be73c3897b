package org.steambytes.alerting.site;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sites and their sensors from PostgreSQL (frontend-api writes them), re-read at most every 10 s. */
@Component
public class SiteDirectory {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private record Cached(SiteInfo site, long readAtMillis) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Cached> sites = new ConcurrentHashMap<>();

    SiteDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<SiteInfo> find(String siteId) {
        long now = clock.millis();
        Cached cached = sites.get(siteId);
        if (cached == null || now - cached.readAtMillis() > FRESH_FOR.toMillis()) {
            SiteInfo site = read(siteId);
            if (site == null) {
                sites.remove(siteId);
                return Optional.empty();
            }
            cached = new Cached(site, now);
            sites.put(siteId, cached);
        }
        return Optional.of(cached.site());
    }

    private SiteInfo read(String siteId) {
        List<SiteInfo> found = jdbc.sql("SELECT site_id, name, timezone, notification_emails, escalation_emails"
                        + " FROM sites WHERE site_id = ?")
                .param(siteId)
                .query((rs, row) -> new SiteInfo(rs.getString("site_id"), rs.getString("name"),
                        zone(rs.getString("timezone")), strings(rs.getArray("notification_emails")),
                        strings(rs.getArray("escalation_emails")), Map.of()))
                .list();
        if (found.isEmpty()) {
            return null;
        }
        Map<String, SensorInfo> sensors = new LinkedHashMap<>();
        jdbc.sql("SELECT sensor_id, sensor_type, unit, expected_interval_s FROM sensors WHERE site_id = ? ORDER BY sensor_id")
                .param(siteId)
                .query((rs, row) -> new SensorInfo(rs.getString("sensor_id"), rs.getString("sensor_type"),
                        rs.getString("unit"), rs.getInt("expected_interval_s")))
                .list().forEach(sensor -> sensors.put(sensor.sensorId(), sensor));
        SiteInfo site = found.get(0);
        return new SiteInfo(site.siteId(), site.name(), site.zone(), site.notificationEmails(),
                site.escalationEmails(), Map.copyOf(sensors));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
