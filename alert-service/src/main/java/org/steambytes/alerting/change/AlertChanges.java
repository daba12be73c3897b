package org.steambytes.alerting.change;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.alert.AlertTransition;
import org.steambytes.alerting.alert.AlertTransitioned;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AlertChangeEntry;

/**
 * Adds one {@code alert_service:alert-changes} entry per alert change a dashboard shows — opened,
 * acknowledged, shelved, unshelved, resolved, escalated; not the "still open" reminders — once the
 * transaction that recorded it has committed, so a reader that then asks frontend-api sees the change.
 * Best effort (docs/ARCHITECTURE.md §5 "alert-service"): the entry is only a nudge to refresh, the
 * alert itself is in PostgreSQL; Redis failing loses the nudge (logged), never the change, and a
 * dashboard still catches up when its live stream reconnects. Bounded with MAXLEN ~ {@value #MAX_LENGTH}.
 */
@Component
class AlertChanges {

    private static final Logger log = LoggerFactory.getLogger(AlertChanges.class);
    /** Bound of the stream (MAXLEN ~): readers follow its tail within seconds and never replay it. */
    static final long MAX_LENGTH = 10_000;
    static final Set<AlertTransition> ANNOUNCED = Set.of(AlertTransition.OPENED, AlertTransition.ACKNOWLEDGED,
            AlertTransition.SHELVED, AlertTransition.UNSHELVED, AlertTransition.RESOLVED, AlertTransition.ESCALATED);

    private final StringRedisTemplate redis;

    AlertChanges(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(AlertTransitioned event) {
        if (!ANNOUNCED.contains(event.transition())) {
            return;
        }
        AlertSnapshot alert = event.alert();
        AlertChangeEntry entry = new AlertChangeEntry(alert.siteId(), alert.alertId(), event.transition().wireName(),
                alert.state(), alert.severity().wireName(), event.at());
        try {
            redis.opsForStream().add(StreamRecords.string(entry.encode()).withStreamKey(RedisKeys.ALERT_CHANGES_STREAM),
                    XAddOptions.maxlen(MAX_LENGTH).approximateTrimming(true));
        } catch (RuntimeException e) {
            log.warn("Alert change {} {} of {} not announced: {}", entry.event(), entry.alertId(), entry.siteId(),
                    e.toString());
        }
    }
}
