package org.steambytes.dashboard.live;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.ReadingsStreamEntry;

/**
 * The feature's door: where the stream stands now (a page embeds it, so its live feed starts where
 * the page's data ended and misses nothing in between), and subscribing a browser to a site,
 * replaying the entries after its Last-Event-ID first.
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    /** A replay longer than this is cut (the tiles then catch up with the next readings). */
    static final int MAX_REPLAY = 5_000;

    private final StringRedisTemplate redis;
    private final LiveHub hub;

    LiveFeed(StringRedisTemplate redis, LiveHub hub) {
        this.redis = redis;
        this.hub = hub;
    }

    /** The id of the stream's newest entry, or "0-0"; empty text when Redis does not answer. */
    public String position() {
        try {
            return ReadingsFollower.tail(redis).toString();
        } catch (RuntimeException e) {
            log.warn("Readings stream position unavailable: {}", e.getMessage());
            return "";
        }
    }

    /** A stream of the site's readings for {@code user} (already checked with frontend-api), after {@code lastEventId} if given. */
    SseEmitter subscribe(String user, String siteId, String lastEventId) {
        return subscribe(user, siteId, lastEventId, new SseEmitter(0L)); // no timeout: the heartbeat finds browsers that left
    }

    SseEmitter subscribe(String user, String siteId, String lastEventId, SseEmitter emitter) {
        StreamId after = StreamId.parse(lastEventId).orElse(null);
        LiveSubscriber subscriber = hub.subscribe(user, siteId, after, emitter);
        try {
            if (after != null) {
                replay(subscriber, siteId, after);
            }
        } catch (RuntimeException e) {
            log.warn("Replay for {} after {} failed: {}", siteId, after, e.getMessage());
        } finally {
            subscriber.live();
        }
        subscriber.heartbeat(); // sends the headers at once, so the browser's EventSource opens now
        return emitter;
    }

    private void replay(LiveSubscriber subscriber, String siteId, StreamId after) {
        List<MapRecord<String, Object, Object>> entries = redis.opsForStream().range(RedisKeys.READINGS_STREAM,
                Range.rightUnbounded(Range.Bound.inclusive(after.next().toString())), Limit.limit().count(MAX_REPLAY));
        if (entries == null) {
            return;
        }
        for (MapRecord<String, Object, Object> entry : entries) {
            if (siteId.equals(LiveEvents.siteOf(entry.getValue()))) {
                try {
                    subscriber.replay(LiveEvents.of(entry.getId().getValue(), entry.getValue()));
                } catch (ReadingsStreamEntry.UnreadableEntryException e) {
                    log.debug("Unreadable stream entry {} skipped in replay", entry.getId().getValue());
                }
            }
        }
    }
}
