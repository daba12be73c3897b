package org.steambytes.dashboard.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AlertChangeEntry;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.dashboard.DashboardProperties;

/**
 * The instance's one reader of alert-service's {@code alert_service:alert-changes} (docs/API.md
 * "Redis"): each change of an alert of a watched site goes to that site's browsers as an
 * {@code alerts} event, which makes the page fetch the site's alerts again through frontend-web (and
 * so frontend-api, as the user). Its own reader beside the readings' one rather than one XREAD over
 * both: the two streams live in different Redis Cluster slots, where a multi-key XREAD is refused.
 */
@Component
@ConditionalOnProperty(name = "steambytes.live.enabled", havingValue = "true", matchIfMissing = true)
class AlertChangesFollower extends StreamFollower {

    private static final Logger log = LoggerFactory.getLogger(AlertChangesFollower.class);

    private final LiveHub hub;

    AlertChangesFollower(StringRedisTemplate redis, LiveHub hub, DashboardProperties properties) {
        super("live-alert-changes-follower", RedisKeys.ALERT_CHANGES_STREAM, redis, properties.live().block());
        this.hub = hub;
    }

    @Override
    void hand(MapRecord<String, Object, Object> record) {
        String siteId = AlertChangeEntry.siteOf(record.getValue());
        if (siteId == null || !hub.watched(siteId)) {
            return;
        }
        try {
            hub.dispatch(siteId, LiveEvents.alertChange(AlertChangeEntry.decode(record.getValue())));
        } catch (ReadingsStreamEntry.UnreadableEntryException e) {
            log.warn("Skipping unreadable alert change {}: {}", record.getId().getValue(), e.getMessage());
        }
    }
}
