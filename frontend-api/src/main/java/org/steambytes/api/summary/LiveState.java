package org.steambytes.api.summary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.api.summary.SiteSummary.Efficiency;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.LatestValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the overview reads from Redis in one pipelined round trip: iot-ingestion's latest value of every
 * sensor ({@code iot_ingestion:latest:{<site_id>}:<sensor_type>}, the source of {@code /latest} too) and
 * ai-processor's result set per site ({@code ai_processor:analytics:{<site_id>}}). Redis unreachable: no
 * latest values (every sensor stale, as {@code /latest} answers then) and no efficiency, rather than a failure.
 */
@Component
class LiveState {

    private static final Logger log = LoggerFactory.getLogger(LiveState.class);

    record SensorRow(String sensorId, String sensorType, int expectedIntervalS) {
    }

    /** Latest reading times by site and sensor, efficiency by site. */
    record Snapshot(Map<String, Map<String, Instant>> latest, Map<String, Efficiency> efficiencies) {

        Instant latest(String siteId, String sensorId) {
            return latest.getOrDefault(siteId, Map.of()).get(sensorId);
        }

        Efficiency efficiency(String siteId) {
            return efficiencies.get(siteId);
        }
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    LiveState(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** @param sensors every site's sensors, by site id (a site without sensors may be absent) */
    Snapshot read(Map<String, List<SensorRow>> sensors) {
        List<String> latestKeys = new ArrayList<>();
        List<String> latestSites = new ArrayList<>();
        sensors.forEach((siteId, rows) -> new TreeSet<>(rows.stream().map(SensorRow::sensorType).toList())
                .forEach(type -> {
                    latestKeys.add(RedisKeys.latest(siteId, type));
                    latestSites.add(siteId);
                }));
        List<String> sites = List.copyOf(new TreeSet<>(sensors.keySet()));
        List<Object> answers;
        try {
            // Raw commands: the template turns their answers into strings (hash: Map<String, String>).
            answers = redis.executePipelined((RedisCallback<Object>) connection -> {
                latestKeys.forEach(key -> connection.hashCommands().hGetAll(bytes(key)));
                sites.forEach(site -> connection.stringCommands().get(bytes(RedisKeys.analytics(site))));
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Latest values and analytics unreadable from Redis ({}); the overview shows sites as stale",
                    e.getMessage());
            return new Snapshot(Map.of(), Map.of());
        }
        Map<String, Map<String, Instant>> latest = new HashMap<>();
        for (int i = 0; i < latestKeys.size(); i++) {
            if (answers.get(i) instanceof Map<?, ?> hash) {
                Map<String, Instant> site = latest.computeIfAbsent(latestSites.get(i), id -> new HashMap<>());
                hash.forEach((sensorId, value) -> LatestValue.parse(String.valueOf(value))
                        .ifPresent(reading -> site.put(String.valueOf(sensorId), reading.timestamp())));
            }
        }
        Map<String, Efficiency> efficiencies = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            if (answers.get(latestKeys.size() + i) instanceof String resultSet) {
                Efficiency efficiency = efficiency(sites.get(i), resultSet);
                if (efficiency != null) {
                    efficiencies.put(sites.get(i), efficiency);
                }
            }
        }
        return new Snapshot(latest, efficiencies);
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code efficiency.direct.value_pct} and {@code efficiency.combustion.value_pct} of a result set (docs/API.md). */
    private Efficiency efficiency(String siteId, String resultSet) {
        try {
            JsonNode efficiency = json.readTree(resultSet).path("efficiency");
            if (!efficiency.isObject()) {
                return null;
            }
            return new Efficiency(percent(efficiency.path("direct")), percent(efficiency.path("combustion")));
        } catch (RuntimeException e) {
            log.warn("Analytics result set of {} is not readable ({}); no efficiency shown", siteId, e.getMessage());
            return null;
        }
    }

    private static Double percent(JsonNode kind) {
        JsonNode value = kind.path("value_pct");
        return value.isNumber() ? value.doubleValue() : null;
    }
}
