package org.steambytes.alerting.openalert;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.steambytes.common.alert.OpenAlertsDocument;
import org.steambytes.common.redis.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a site's open-alerts document ({@code alert_service:open-alerts:{<site_id>}}) unless the stored one
 * is newer: one script compares the stored document's version (its JSON prefix
 * {@value OpenAlertsDocument#VERSION_PREFIX}) with the new one's and writes only when the new one is at least
 * as new, with the TTL {@link RedisKeys#OPEN_ALERTS_TTL}. An equal version is written too: it is the same
 * committed state, read again (a refresh also takes in what was changed in PostgreSQL by hand).
 */
@Component
class OpenAlertsStore {

    private static final RedisScript<Long> WRITE_UNLESS_NEWER = RedisScript.of("""
            local stored = redis.call('GET', KEYS[1])
            if stored then
              local version = tonumber(string.match(stored, '^{"version":(%d+),'))
              if version and version > tonumber(ARGV[1]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration ttl = RedisKeys.OPEN_ALERTS_TTL;

    OpenAlertsStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** True if written, false if the stored document is newer; Redis failing throws. */
    boolean write(OpenAlertsDocument document) {
        return write(document.siteId(), document.version(), document.encode(json));
    }

    /** The script itself: {@code encoded} must begin with the version prefix of {@code version}. */
    boolean write(String siteId, long version, String encoded) {
        Long written = redis.execute(WRITE_UNLESS_NEWER, List.of(RedisKeys.openAlerts(siteId)), Long.toString(version),
                encoded, Long.toString(ttl.toMillis()));
        return written != null && written == 1;
    }
}
