package org.steambytes.api.latest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.SensorView;
import org.steambytes.api.sensor.SiteSensors;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.LatestValue;

/**
 * Every sensor of a site with its latest value, straight from iot-ingestion's Redis hashes (never
 * from the 5-minute response cache): one script call (one round trip) reads every sensor type's hash, and the
 * site's sensors come from this replica's memory ({@link SiteSensors}). A value is stale when older than max(3 × expected interval,
 * 5 min) or absent; with Redis unreachable every sensor is answered as stale rather than failing.
 */
@Service
public class LatestReadings {

    private static final Logger log = LoggerFactory.getLogger(LatestReadings.class);
    private static final Duration MIN_STALE_AFTER = Duration.ofMinutes(5);
    /**
     * Every field and value of the site's latest hashes (KEYS, one per sensor type), flat: one round trip
     * on the shared connection (a pipeline would take a dedicated one). Sensor ids are unique in a site.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<String>> READ_HASHES = (RedisScript) RedisScript.of("""
            local out = {}
            for _, key in ipairs(KEYS) do
              local all = redis.call('HGETALL', key)
              for i = 1, #all do out[#out + 1] = all[i] end
            end
            return out""", List.class);

    public record LatestReading(String sensorId, String sensorType, Double value, String unit, Instant timestamp,
            boolean stale) {
    }

    public record SiteLatest(String siteId, List<LatestReading> readings) {
    }

    private final SiteSensors sensors;
    private final StringRedisTemplate redis;
    private final Clock clock;

    LatestReadings(SiteSensors sensors, StringRedisTemplate redis, Clock clock) {
        this.sensors = sensors;
        this.redis = redis;
        this.clock = clock;
    }

    public SiteLatest of(ApiCaller caller, String siteId) {
        List<SensorView> siteSensors = sensors.of(caller, siteId);
        Map<String, LatestValue> latestBySensor = read(siteId, siteSensors);
        Instant now = clock.instant();
        List<LatestReading> readings = new ArrayList<>();
        for (SensorView sensor : siteSensors) {
            LatestValue latest = latestBySensor.get(sensor.sensorId());
            if (latest == null) {
                readings.add(new LatestReading(sensor.sensorId(), sensor.sensorType(), null, sensor.unit(), null, true));
                continue;
            }
            Instant timestamp = latest.timestamp();
            Duration staleAfter = Duration.ofSeconds(3L * sensor.expectedIntervalS());
            if (staleAfter.compareTo(MIN_STALE_AFTER) < 0) {
                staleAfter = MIN_STALE_AFTER;
            }
            readings.add(new LatestReading(sensor.sensorId(), sensor.sensorType(), latest.value(),
                    sensor.unit(), timestamp, timestamp.plus(staleAfter).isBefore(now)));
        }
        return new SiteLatest(siteId, readings);
    }

    private Map<String, LatestValue> read(String siteId, List<SensorView> siteSensors) {
        Map<String, LatestValue> bySensor = new HashMap<>();
        try {
            List<String> keys = new TreeSet<>(siteSensors.stream().map(SensorView::sensorType).toList()).stream()
                    .map(type -> RedisKeys.latest(siteId, type)).toList();
            List<String> pairs = redis.execute(READ_HASHES, keys);
            for (int i = 0; pairs != null && i + 1 < pairs.size(); i += 2) {
                parse(siteId, pairs.get(i), pairs.get(i + 1), bySensor);
            }
        } catch (RuntimeException e) {
            log.warn("Latest values of {} unavailable ({}); answering every sensor as stale", siteId, e.getMessage());
            bySensor.clear();
        }
        return bySensor;
    }

    /** One unreadable value makes that sensor stale, not the whole site. */
    private void parse(String siteId, String sensorId, String value, Map<String, LatestValue> bySensor) {
        LatestValue.parse(value).ifPresentOrElse(latest -> bySensor.put(sensorId, latest),
                () -> log.warn("Latest value of {}/{} is not readable; answering it as stale", siteId, sensorId));
    }
}
