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
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.SensorView;
import org.steambytes.api.sensor.Sensors;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.LatestValue;

/**
 * Every sensor of a site with its latest value, straight from iot-ingestion's Redis hashes (never
 * from the 5-minute response cache). A value is stale when older than max(3 × expected interval,
 * 5 min) or absent; with Redis unreachable every sensor is answered as stale rather than failing.
 */
@Service
public class LatestReadings {

    private static final Logger log = LoggerFactory.getLogger(LatestReadings.class);
    private static final Duration MIN_STALE_AFTER = Duration.ofMinutes(5);

    public record LatestReading(String sensorId, String sensorType, Double value, String unit, Instant timestamp,
            boolean stale) {
    }

    public record SiteLatest(String siteId, List<LatestReading> readings) {
    }

    private final Sensors sensors;
    private final StringRedisTemplate redis;
    private final Clock clock;

    LatestReadings(Sensors sensors, StringRedisTemplate redis, Clock clock) {
        this.sensors = sensors;
        this.redis = redis;
        this.clock = clock;
    }

    public SiteLatest of(ApiCaller caller, String siteId) {
        List<SensorView> siteSensors = sensors.all(caller, siteId);
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
            for (String type : new TreeSet<>(siteSensors.stream().map(SensorView::sensorType).toList())) {
                redis.<String, String>opsForHash().entries(RedisKeys.latest(siteId, type))
                        .forEach((sensorId, value) -> parse(siteId, sensorId, value, bySensor));
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
