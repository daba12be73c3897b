package org.steambytes.analytics.result;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.analytics.anomaly.StoredAnomaly;
import org.steambytes.common.redis.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps results: one {@code analytics_results} row per site, sensor, kind and window end (upserted,
 * so a repeated window overwrites, never duplicates), and the site's latest snapshot in Redis
 * ({@code ai_processor:analytics:{<site_id>}}, 30 min, refreshed every cycle). This package alone writes
 * {@code analytics_results}.
 */
@Component
public class ResultStore {

    private static final Logger log = LoggerFactory.getLogger(ResultStore.class);
    private static final String UPSERT = "INSERT INTO analytics_results (site_id, sensor_id, kind, window_start, window_end,"
            + " value, details, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
            + " ON CONFLICT (site_id, kind, coalesce(sensor_id, ''), window_end)"
            + " DO UPDATE SET value = excluded.value, details = excluded.details, computed_at = excluded.computed_at";

    private final JdbcTemplate jdbc;
    private final StringRedisTemplate redis;
    private final JsonMapper json;

    ResultStore(JdbcTemplate jdbc, StringRedisTemplate redis, JsonMapper json) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.json = json;
    }

    /** Stores the window's rows in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(SiteResults results) {
        List<Object[]> rows = new ArrayList<>();
        for (SiteResults.SensorResult sensor : results.sensors()) {
            if (sensor.mean() != null) {
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("sensor_type", sensor.sensorType());
                stats.put("unit", sensor.unit());
                stats.put("count", sensor.count());
                stats.put("mean", sensor.mean());
                stats.put("min", sensor.min());
                stats.put("max", sensor.max());
                stats.put("stddev", sensor.stddev());
                stats.put("last", sensor.last());
                rows.add(row(results, sensor.sensorId(), "window_stats", sensor.mean(), stats));
            }
            if (sensor.slopePerHour() != null) {
                rows.add(row(results, sensor.sensorId(), "trend", sensor.slopePerHour(),
                        Map.of("significant", sensor.slopeSignificant(), "fitted_now", sensor.fittedNow(),
                                "unit_per_hour", sensor.unit() + "/h")));
            }
            if (sensor.timeToThresholdH() != null) {
                rows.add(row(results, sensor.sensorId(), "time_to_threshold", sensor.timeToThresholdH(),
                        Map.of("threshold", sensor.threshold(), "operator", sensor.thresholdOperator())));
            }
            if (sensor.stale()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("sensor_type", sensor.sensorType());
                details.put("unit", sensor.unit());
                details.put("last_seen", sensor.lastSeen() == null ? null : sensor.lastSeen().toString());
                rows.add(row(results, sensor.sensorId(), "stale_sensor", sensor.lastSeen() == null ? null
                        : (double) Duration.between(sensor.lastSeen(), results.windowEnd()).toSeconds(), details));
            }
        }
        rows.add(efficiency(results, "efficiency", results.direct()));
        rows.add(efficiency(results, "combustion_efficiency", results.combustion()));
        jdbc.batchUpdate(UPSERT, rows); // one round trip for the site's rows
    }

    /** The snapshot for readers; a Redis failure only costs the cache (the rows are committed). */
    public void cache(SiteResults results, List<StoredAnomaly> recentAnomalies) {
        try {
            redis.opsForValue().set(RedisKeys.analytics(results.siteId()),
                    json.writeValueAsString(AnalyticsSnapshot.of(results, recentAnomalies)), RedisKeys.ANALYTICS_TTL);
        } catch (RuntimeException e) {
            log.warn("Analytics of {} not cached ({}); readers fall back to PostgreSQL", results.siteId(), e.getMessage());
        }
    }

    /** Deletes results and run claims of windows that ended before {@code before}; returns the rows deleted. */
    @Transactional
    public int deleteBefore(Instant before) {
        int rows = jdbc.update("DELETE FROM analytics_results WHERE window_end < ?", Timestamp.from(before));
        jdbc.update("DELETE FROM analytics_runs WHERE window_end < ?", Timestamp.from(before));
        return rows;
    }

    private Object[] efficiency(SiteResults results, String kind, SiteResults.Efficiency efficiency) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("basis", efficiency.basis());
        details.put("inputs", efficiency.inputs());
        if (efficiency.notComputed() != null) {
            details.put("not_computed", efficiency.notComputed());
        }
        return row(results, null, kind, efficiency.valuePct(), details);
    }

    private Object[] row(SiteResults results, String sensorId, String kind, Double value, Map<String, Object> details) {
        return new Object[] {results.siteId(), sensorId, kind, Timestamp.from(results.windowStart()),
                Timestamp.from(results.windowEnd()), value, json.writeValueAsString(details),
                Timestamp.from(results.computedAt())};
    }
}
