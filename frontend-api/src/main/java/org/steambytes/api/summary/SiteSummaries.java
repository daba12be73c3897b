package org.steambytes.api.summary;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.summary.LiveState.SensorRow;

/**
 * Every site of the caller at a glance, for the operators' overview: three queries (sites, active alerts
 * per site, sensors) and one Redis round trip ({@link LiveState}). Read fresh on every request, never from
 * the response cache: alert-service, iot-ingestion and ai-processor write what it shows.
 */
@Service
public class SiteSummaries {

    private static final Duration MIN_STALE_AFTER = Duration.ofMinutes(5);
    private static final String[] SEVERITIES = {"critical", "high", "medium", "low"};

    private record SiteRow(String siteId, String name, String timezone) {
    }

    private record AlertCounts(long open, long shelved, String highest) {
    }

    private final JdbcTemplate jdbc;
    private final LiveState live;
    private final Clock clock;

    SiteSummaries(JdbcTemplate jdbc, LiveState live, Clock clock) {
        this.jdbc = jdbc;
        this.live = live;
        this.clock = clock;
    }

    /** The caller's sites, by site id. */
    public List<SiteSummary> of(ApiCaller caller) {
        List<SiteRow> sites = caller.allSites()
                ? jdbc.query("SELECT site_id, name, timezone FROM sites ORDER BY site_id",
                        (rs, row) -> new SiteRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                : jdbc.query("SELECT site_id, name, timezone FROM sites WHERE site_id = ANY (?) ORDER BY site_id",
                        (rs, row) -> new SiteRow(rs.getString(1), rs.getString(2), rs.getString(3)),
                        (Object) caller.siteIds().toArray(String[]::new));
        if (sites.isEmpty()) {
            return List.of();
        }
        String[] siteIds = sites.stream().map(SiteRow::siteId).toArray(String[]::new);
        Instant now = clock.instant();
        Map<String, AlertCounts> alerts = new HashMap<>();
        jdbc.query("SELECT site_id, count(*), count(*) FILTER (WHERE shelved_until > ?),"
                + " min(array_position(?::text[], severity::text)) FROM alerts"
                + " WHERE state <> 'resolved' AND site_id = ANY (?) GROUP BY site_id", rs -> {
                    Integer rank = (Integer) rs.getObject(4);
                    alerts.put(rs.getString(1), new AlertCounts(rs.getLong(2), rs.getLong(3),
                            rank == null ? null : SEVERITIES[rank - 1]));
                }, Timestamp.from(now), SEVERITIES, siteIds);
        Map<String, List<SensorRow>> sensors = new HashMap<>();
        jdbc.query("SELECT site_id, sensor_id, sensor_type, expected_interval_s FROM sensors WHERE site_id = ANY (?)",
                rs -> {
                    sensors.computeIfAbsent(rs.getString(1), site -> new ArrayList<>())
                            .add(new SensorRow(rs.getString(2), rs.getString(3), rs.getInt(4)));
                }, (Object) siteIds);
        LiveState.Snapshot snapshot = live.read(sensors);
        List<SiteSummary> summaries = new ArrayList<>();
        for (SiteRow site : sites) {
            AlertCounts counts = alerts.getOrDefault(site.siteId(), new AlertCounts(0, 0, null));
            Instant last = null;
            boolean allStale = true;
            for (SensorRow sensor : sensors.getOrDefault(site.siteId(), List.of())) {
                Instant at = snapshot.latest(site.siteId(), sensor.sensorId());
                if (at == null) {
                    continue;
                }
                last = last == null || at.isAfter(last) ? at : last;
                Duration staleAfter = Duration.ofSeconds(3L * sensor.expectedIntervalS());
                if (!at.plus(staleAfter.compareTo(MIN_STALE_AFTER) < 0 ? MIN_STALE_AFTER : staleAfter).isBefore(now)) {
                    allStale = false;
                }
            }
            String status = counts.open() > 0 ? "alerting" : allStale ? "stale" : "ok";
            summaries.add(new SiteSummary(site.siteId(), site.name(), site.timezone(), status, counts.highest(),
                    counts.open(), counts.shelved(), last, snapshot.efficiency(site.siteId())));
        }
        return summaries;
    }
}
