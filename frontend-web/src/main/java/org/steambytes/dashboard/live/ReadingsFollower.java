package org.steambytes.dashboard.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.dashboard.DashboardProperties;

/**
 * The instance's one reader of {@code iot_ingestion:readings} (no consumer group, so it takes nothing
 * from alert-service): each entry handed to the browsers of its site as a {@code readings} event.
 * Entries of sites nobody watches are not even decoded.
 */
@Component
@ConditionalOnProperty(name = "steambytes.live.enabled", havingValue = "true", matchIfMissing = true)
class ReadingsFollower extends StreamFollower {

    private static final Logger log = LoggerFactory.getLogger(ReadingsFollower.class);

    private final LiveHub hub;

    ReadingsFollower(StringRedisTemplate redis, LiveHub hub, DashboardProperties properties) {
        super("live-readings-follower", RedisKeys.READINGS_STREAM, redis, properties.live().block());
        this.hub = hub;
    }

    @Override
    void hand(MapRecord<String, Object, Object> record) {
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

    /** The readings stream's newest entry id now: where a page's live feed starts. */
    static StreamId tail(StringRedisTemplate redis) {
        return tail(redis, RedisKeys.READINGS_STREAM);
    }
}
