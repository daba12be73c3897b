package org.steambytes.api.latest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.steambytes.common.stream.LatestSnapshot;
import org.steambytes.common.stream.LatestValue;

/**
 * Every sensor of a site with its latest value, straight from iot-ingestion's Redis keys (never from the
 * 5-minute response cache): one script call (one round trip) reads the site's snapshot
 * ({@code iot_ingestion:dashboard:{<site_id>}}) or, when it has expired, every sensor type's hash; the
 * site's sensors come from this replica's memory ({@link SiteSensors}). A value is stale when older than max(3 × expected interval,
 * 5 min) or absent; with Redis unreachable every sensor is answered as stale rather than failing.
 */
@Service
public class LatestReadings {

    private static final Logger log = LoggerFactory.getLogger(LatestReadings.class);
    private static final Duration MIN_STALE_AFTER = Duration.ofMinutes(5);
    /**
     * The site's latest values in one round trip on the shared connection (a pipeline would take a dedicated
     * one; docs/ARCHITECTURE.md §5 "frontend-api: scope, cache", what is not remembered). KEYS[1] is
     * iot-ingestion's snapshot of the site, KEYS[2..] its latest hashes, one per sensor type of the site. With
     * the snapshot: {@code snapshot}, the document, and per hash whether it exists ("1"/"0"); without (a site
     * silent for over a minute): {@code hashes} and every field and value of the hashes, flat.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<String>> READ_LATEST = (RedisScript) RedisScript.of("""
            if ARGV[1] == 'snapshot' then
              local snapshot = redis.call('GET', KEYS[1])
              if snapshot then
                local out = {'snapshot', snapshot}
                for k = 2, #KEYS do out[#out + 1] = tostring(redis.call('EXISTS', KEYS[k])) end
                return out
              end
            end
            local out = {'hashes'}
            for k = 2, #KEYS do
              local all = redis.call('HGETALL', KEYS[k])
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
            List<String> types = List.copyOf(new TreeSet<>(siteSensors.stream().map(SensorView::sensorType).toList()));
            List<String> keys = new ArrayList<>(types.size() + 1);
            keys.add(RedisKeys.dashboard(siteId));
            types.forEach(type -> keys.add(RedisKeys.latest(siteId, type)));
            List<String> answer = redis.execute(READ_LATEST, keys, "snapshot");
            if (answer != null && !answer.isEmpty() && answer.get(0).equals("snapshot")) {
                Optional<LatestSnapshot> snapshot = LatestSnapshot.parse(answer.get(1));
                if (snapshot.isPresent()) {
                    return fromSnapshot(siteId, snapshot.get(), types, answer.subList(2, answer.size()));
                }
                log.warn("Latest-values snapshot of {} is not readable; reading the latest hashes", siteId);
                answer = redis.execute(READ_LATEST, keys, "hashes");
            }
            for (int i = 1; answer != null && i + 1 < answer.size(); i += 2) {
                parse(siteId, answer.get(i), answer.get(i + 1), bySensor);
            }
        } catch (RuntimeException e) {
            log.warn("Latest values of {} unavailable ({}); answering every sensor as stale", siteId, e.getMessage());
            bySensor.clear();
        }
        return bySensor;
    }

    /**
     * The snapshot's values, exactly as the hashes would answer: the snapshot is rebuilt in the same step as
     * every change to the hashes, so it only differs from them by a hash that has expired since (a sensor type
     * silent for 5 minutes while the site's other types were not); values of types whose hash is gone, or not
     * among the site's types, are left out as the hashes would leave them.
     */
    private static Map<String, LatestValue> fromSnapshot(String siteId, LatestSnapshot snapshot, List<String> types,
            List<String> exists) {
        snapshot.unreadable().forEach(sensorId ->
                log.warn("Latest value of {}/{} is not readable; answering it as stale", siteId, sensorId));
        Map<String, LatestValue> bySensor = new HashMap<>();
        snapshot.values().forEach((sensorId, value) -> {
            int type = types.indexOf(value.sensorType());
            if (type >= 0 && type < exists.size() && exists.get(type).equals("1")) {
                bySensor.put(sensorId, value);
            }
        });
        return bySensor;
    }

    /** One unreadable value makes that sensor stale, not the whole site. */
    private void parse(String siteId, String sensorId, String value, Map<String, LatestValue> bySensor) {
        LatestValue.parse(value).ifPresentOrElse(latest -> bySensor.put(sensorId, latest),
                () -> log.warn("Latest value of {}/{} is not readable; answering it as stale", siteId, sensorId));
    }
}
