package org.steambytes.dashboard.live;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.common.worker.BackgroundWorker;
import org.steambytes.dashboard.DashboardProperties;

/**
 * The instance's one reader of {@code iot_ingestion:readings}: plain XREAD BLOCK from the stream's
 * tail (no consumer group, so it acknowledges nothing and takes nothing from alert-service), each
 * entry handed to the browsers of its site. Entries of sites nobody watches are not even decoded.
 * Redis away: retried every second; browsers keep their stream and get what follows.
 */
@Component
@ConditionalOnProperty(name = "steambytes.live.enabled", havingValue = "true", matchIfMissing = true)
class ReadingsFollower extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(ReadingsFollower.class);
    private static final String STREAM = RedisKeys.READINGS_STREAM;
    private static final int BATCH = 500;

    private final StringRedisTemplate redis;
    private final LiveHub hub;
    private final Duration block;

    ReadingsFollower(StringRedisTemplate redis, LiveHub hub, DashboardProperties properties) {
        super("live-readings-follower", properties.live().block().plusSeconds(3));
        this.redis = redis;
        this.hub = hub;
        this.block = properties.live().block();
    }

    @Override
    protected void work() {
        String last = null;
        while (running()) {
            try {
                if (last == null) {
                    last = tail(redis).toString();
                }
                List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                        StreamReadOptions.empty().count(BATCH).block(block),
                        StreamOffset.create(STREAM, ReadOffset.from(last)));
                if (records == null) {
                    continue;
                }
                for (MapRecord<String, Object, Object> record : records) {
                    last = record.getId().getValue();
                    hand(record);
                }
            } catch (RuntimeException e) {
                if (running()) {
                    log.warn("Readings stream: {}; retrying in 1 s", e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void hand(MapRecord<String, Object, Object> record) {
        String siteId = LiveEvents.siteOf(record.getValue());
        if (siteId == null || !hub.watched(siteId)) {
            return;
        }
        try {
            hub.dispatch(siteId, LiveEvents.of(record.getId().getValue(), record.getValue()));
        } catch (ReadingsStreamEntry.UnreadableEntryException e) {
            log.warn("Skipping unreadable stream entry {}: {}", record.getId().getValue(), e.getMessage());
        }
    }

    /** The newest entry's id now (0-0 for an empty or missing stream): where following starts. */
    static StreamId tail(StringRedisTemplate redis) {
        List<MapRecord<String, Object, Object>> newest = redis.opsForStream()
                .reverseRange(STREAM, Range.unbounded(), Limit.limit().count(1));
        return newest == null || newest.isEmpty() ? StreamId.ZERO
                : StreamId.parse(newest.get(0).getId().getValue()).orElse(StreamId.ZERO);
    }
}
