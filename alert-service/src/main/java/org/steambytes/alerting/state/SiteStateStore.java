package org.steambytes.alerting.state;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.alert.Alerts;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.redis.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads, changes and stores a site's {@link SiteState} under a per-site Redis lock, so replicas (the
 * stream consumers and the silence watch) never interleave on one site. A missing hash (TTL ran out,
 * Redis flushed or restarted) is rebuilt from PostgreSQL's alerts (read through {@link Alerts}) before use; the database stays
 * the truth and its unique indexes the last guard against a second active alert.
 */
@Component
public class SiteStateStore {

    static final Duration LOCK_LEASE = Duration.ofSeconds(30);
    static final Duration LOCK_WAIT = Duration.ofSeconds(35);
    private static final String SITES = RedisKeys.alertState("sites");
    private static final RedisScript<Long> UNLOCK = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end", Long.class);

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final JsonMapper json;
    private final Clock clock;

    SiteStateStore(StringRedisTemplate redis, JdbcClient jdbc, Alerts alerts, JsonMapper json, Clock clock) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code work} on the site's state with the site locked and writes the changes back when it
     * returns; if it throws, nothing is written (the caller retries the input).
     */
    public <T> T withSite(String siteId, Function<SiteState, T> work) {
        String lock = RedisKeys.alertSiteLock(siteId);
        String token = UUID.randomUUID().toString();
        acquire(lock, token);
        try {
            SiteState state = load(siteId);
            T result = work.apply(state);
            if (!token.equals(redis.opsForValue().get(lock))) {
                // The lease ran out while we worked and someone else may have written since: do not
                // overwrite. The caller retries; a committed stream entry is then recognised and the
                // state re-read from PostgreSQL.
                throw new IllegalStateException("site state lock " + lock + " expired before the state was written");
            }
            save(state);
            return result;
        } finally {
            redis.execute(UNLOCK, List.of(lock), token);
        }
    }

    /** Sites this service keeps state for (seen in the stream, or with active alerts after a rebuild). */
    public Set<String> trackedSites() {
        Set<String> sites = redis.opsForSet().members(SITES);
        return sites == null ? Set.of() : sites;
    }

    /**
     * Sites that sent readings within the last day (iot-ingestion's log says so): after every replica
     * was down longer than the state's TTL, or Redis lost it, a site that fell silent meanwhile is
     * watched again (silence then counted from the rebuild).
     */
    public List<String> sitesReportingRecently() {
        return jdbc.sql("SELECT s.site_id FROM sites s WHERE EXISTS (SELECT 1 FROM ingestion_logs l"
                        + " WHERE l.site_id = s.site_id AND l.received_at > now() - interval '1 day')")
                .query(String.class).list();
    }

    private void acquire(String lock, String token) {
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(lock, token, LOCK_LEASE))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("site state lock " + lock + " not free within " + LOCK_WAIT);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + lock, e);
            }
        }
    }

    private SiteState load(String siteId) {
        Map<Object, Object> stored = redis.opsForHash().entries(key(siteId));
        Map<String, String> fields = new HashMap<>();
        stored.forEach((field, value) -> fields.put((String) field, (String) value));
        if (fields.containsKey(SiteState.TRACKED_SINCE)) {
            return new SiteState(siteId, fields, json);
        }
        return rebuild(siteId);
    }

    /** Replaces a site's alert state (inside {@link #withSite}) by what PostgreSQL says. */
    public void rebuild(SiteState state) {
        state.replaceWith(rebuild(state.siteId()));
    }

    /**
     * Active alerts from PostgreSQL, and for every rule and sensor the time of the newest reading that
     * opened or resolved one of its alerts: readings up to then were judged already, so an older entry
     * still pending somewhere (a crashed consumer's) is not judged again against this rebuilt state.
     * Silence is counted from now.
     */
    private SiteState rebuild(String siteId) {
        SiteState state = new SiteState(siteId, Map.of(), json);
        state.put(SiteState.TRACKED_SINCE, Long.toString(clock.millis()));
        List<String> perReading = AlertRule.PER_READING.stream().map(RuleKind::wireName).toList();
        for (Alerts.Judged judged : alerts.judged(siteId, perReading)) {
            state.put(SiteState.ruleField(AlertRule.stateKey(judged.ruleId(), judged.sensorId())),
                    json.writeValueAsString(new RuleState(judged.activeId() != null, judged.activeId(), null,
                            judged.judgedUntil().toEpochMilli(), List.of())));
        }
        for (Alerts.Active active : alerts.activeExcept(siteId, perReading)) {
            if (AlertSnapshot.SITE_LOST.equals(active.kind())) {
                state.lost(active.alertId());
            } else if (active.ruleId() != null) {
                state.put(SiteState.ruleField(AlertRule.stateKey(active.ruleId(), active.sensorId())),
                        json.writeValueAsString(RuleState.activeAlert(active.alertId())));
            }
        }
        return state;
    }

    private void save(SiteState state) {
        String key = key(state.siteId());
        Map<String, String> changes = state.changes();
        if (!changes.isEmpty()) {
            redis.opsForHash().putAll(key, changes);
        }
        if (!state.removals().isEmpty()) {
            redis.opsForHash().delete(key, state.removals().toArray());
        }
        redis.expire(key, RedisKeys.ALERT_STATE_TTL);
        redis.opsForSet().add(SITES, state.siteId());
        redis.expire(SITES, RedisKeys.ALERT_STATE_TTL);
    }

    private static String key(String siteId) {
        return RedisKeys.alertSiteState(siteId);
    }
}
