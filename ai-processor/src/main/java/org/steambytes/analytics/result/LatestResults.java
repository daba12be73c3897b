package org.steambytes.analytics.result;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steambytes.analytics.anomaly.AnomalyStore;
import org.steambytes.common.redis.RedisKeys;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's latest result set: the cached snapshot, or — when the cache is cold (Redis restarted, the
 * 30 minutes passed) — rebuilt from the newest window's {@code analytics_results} rows and cached again.
 */
@Component
public class LatestResults {

    /** The anomalies a result set lists: the last day's before it was computed, newest first, at most 50. */
    public static final Duration RECENT_ANOMALIES = Duration.ofHours(24);
    public static final int RECENT_ANOMALIES_LIMIT = 50;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final AnomalyStore anomalies;
    private final StringRedisTemplate redis;
    private final JsonMapper json;

    LatestResults(JdbcClient jdbc, AnomalyStore anomalies, StringRedisTemplate redis, JsonMapper json) {
        this.jdbc = jdbc;
        this.anomalies = anomalies;
        this.redis = redis;
        this.json = json;
    }

    /** The snapshot as JSON; empty when the site was never analysed. */
    public Optional<String> of(String siteId) {
        String cached = null;
        try {
            cached = redis.opsForValue().get(RedisKeys.analytics(siteId));
        } catch (RuntimeException e) {
            // Redis away: PostgreSQL answers
        }
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<AnalyticsSnapshot> rebuilt = fromDatabase(siteId);
        rebuilt.ifPresent(snapshot -> {
            try {
                redis.opsForValue().set(RedisKeys.analytics(siteId), json.writeValueAsString(snapshot),
                        RedisKeys.ANALYTICS_TTL);
            } catch (RuntimeException e) {
                // answered uncached
            }
        });
        return rebuilt.map(json::writeValueAsString);
    }

    Optional<AnalyticsSnapshot> fromDatabase(String siteId) {
        List<Row> rows = jdbc.sql("SELECT sensor_id, kind, window_start, window_end, value, details::text AS details,"
                        + " computed_at FROM analytics_results WHERE site_id = ? AND window_end ="
                        + " (SELECT max(window_end) FROM analytics_results WHERE site_id = ?) ORDER BY sensor_id, kind")
                .params(siteId, siteId)
                .query((rs, n) -> new Row(rs.getString("sensor_id"), rs.getString("kind"), rs.getTimestamp("window_start"),
                        rs.getTimestamp("window_end"), (Double) rs.getObject("value"),
                        json.readValue(rs.getString("details"), MAP), rs.getTimestamp("computed_at")))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AnalyticsSnapshot.EfficiencyView> efficiency = new LinkedHashMap<>();
        efficiency.put("direct", null);
        efficiency.put("combustion", null);
        Map<String, SensorRows> sensors = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.sensorId() == null) {
                efficiency.put(row.kind().equals("efficiency") ? "direct" : "combustion", efficiency(row));
            } else {
                sensors.computeIfAbsent(row.sensorId(), id -> new SensorRows()).put(row);
            }
        }
        List<AnalyticsSnapshot.SensorView> views = new ArrayList<>();
        sensors.forEach((sensorId, sensor) -> views.add(sensor.view(sensorId)));
        Row first = rows.get(0);
        boolean stale = !views.isEmpty() && views.stream().allMatch(AnalyticsSnapshot.SensorView::stale);
        return Optional.of(new AnalyticsSnapshot(siteId, first.computedAt().toInstant(),
                new AnalyticsSnapshot.Window(first.windowStart().toInstant(), first.windowEnd().toInstant()), stale,
                efficiency, views, anomalies.recent(siteId, first.computedAt().toInstant().minus(RECENT_ANOMALIES),
                        RECENT_ANOMALIES_LIMIT)));
    }

    @SuppressWarnings("unchecked")
    private static AnalyticsSnapshot.EfficiencyView efficiency(Row row) {
        return new AnalyticsSnapshot.EfficiencyView(row.value(), (String) row.details().get("basis"),
                (Map<String, Object>) row.details().getOrDefault("inputs", Map.of()),
                (String) row.details().get("not_computed"));
    }

    private record Row(String sensorId, String kind, Timestamp windowStart, Timestamp windowEnd, Double value,
            Map<String, Object> details, Timestamp computedAt) {
    }

    /** One sensor's rows of a window. */
    private static final class SensorRows {

        private Row stats;
        private Row trend;
        private Row timeToThreshold;
        private Row stale;

        void put(Row row) {
            switch (row.kind()) {
                case "window_stats" -> stats = row;
                case "trend" -> trend = row;
                case "time_to_threshold" -> timeToThreshold = row;
                case "stale_sensor" -> stale = row;
                default -> {
                }
            }
        }

        AnalyticsSnapshot.SensorView view(String sensorId) {
            Map<String, Object> s = stats != null ? stats.details() : stale != null ? stale.details() : Map.of();
            return new AnalyticsSnapshot.SensorView(sensorId, (String) s.get("sensor_type"), (String) s.get("unit"),
                    s.get("count") == null ? 0 : ((Number) s.get("count")).intValue(), number(s, "mean"),
                    number(s, "min"), number(s, "max"), number(s, "stddev"), number(s, "last"),
                    trend == null ? null : trend.value(), timeToThreshold == null ? null : timeToThreshold.value(),
                    timeToThreshold == null ? null : number(timeToThreshold.details(), "threshold"), stale != null);
        }

        private static Double number(Map<String, Object> details, String key) {
            return details.get(key) instanceof Number number ? number.doubleValue() : null;
        }
    }
}
