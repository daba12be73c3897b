package org.steambytes.api.alert;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.common.alert.OpenAlertsDocument;
import org.steambytes.common.alert.OpenAlertsDocument.OpenAlert;
import org.steambytes.common.redis.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's non-resolved alerts as alert-service keeps them in Redis ({@code alert_service:open-alerts:{<site_id>}},
 * docs/ARCHITECTURE.md §2): one GET, read fresh on every request — this service only reads the owner's key
 * and keeps nothing of it. Empty (the caller reads PostgreSQL) when the key is missing or unreadable, or
 * Redis fails; after a failure Redis is not asked for 5 s, so an outage does not cost every request a timeout.
 */
@Component
class OpenAlerts {

    private static final Logger log = LoggerFactory.getLogger(OpenAlerts.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private volatile long pausedUntil = System.nanoTime();

    OpenAlerts(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** The site's open and acknowledged alerts, newest first (then by alert id as PostgreSQL orders uuids). */
    Optional<List<AlertView>> of(String siteId) {
        if (System.nanoTime() - pausedUntil < 0) {
            return Optional.empty();
        }
        String stored;
        try {
            stored = redis.opsForValue().get(RedisKeys.openAlerts(siteId));
        } catch (RuntimeException e) {
            pausedUntil = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
            log.warn("Open alerts of {} not read from Redis, reading PostgreSQL for 5 s: {}", siteId, e.toString());
            return Optional.empty();
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            OpenAlertsDocument document = OpenAlertsDocument.decode(json, stored);
            if (!siteId.equals(document.siteId()) || document.alerts() == null) {
                return Optional.empty();
            }
            return Optional.of(document.alerts().stream().map(OpenAlerts::view).toList());
        } catch (RuntimeException e) {
            log.warn("Open alerts of {} unreadable in Redis, reading PostgreSQL: {}", siteId, e.toString());
            return Optional.empty();
        }
    }

    private static AlertView view(OpenAlert alert) {
        return new AlertView(alert.alertId(), alert.siteId(), alert.sensorId(), alert.ruleId(), alert.kind(), alert.state(),
                alert.severity(), alert.openedAt(), alert.value(), alert.limit(), alert.message(), alert.acknowledgedAt(),
                alert.acknowledgedBy(), alert.resolvedAt(), alert.shelvedUntil(), alert.shelveReason());
    }
}
