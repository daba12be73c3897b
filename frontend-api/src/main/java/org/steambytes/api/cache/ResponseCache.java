package org.steambytes.api.cache;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.change.Change;
import org.steambytes.api.change.ChangeBus;
import org.steambytes.api.change.LocalCache;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.security.SecretHashing;

/**
 * The {@code frontend_api:} response cache. Eviction is by generation: each site has a counter
 * ({@code frontend_api:gen:site:{<site_id>}}, the site id a cluster hash tag like every per-site key) and the site lists one ({@code frontend_api:gen:sites}); a
 * write increments them, so every older entry is simply never read again and expires with its TTL.
 * Each replica remembers the generations it read ({@link LocalCache}, forgotten on every replica with
 * each eviction, which goes out on the changes channel after its increment), so a hit is one Redis
 * round trip: the entry itself. After a Redis failure the cache stays out of the way for a few seconds instead of slowing every
 * request down; an eviction Redis missed is owed and paid before this replica serves an entry again.
 */
final class ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    private static final long BACK_OFF_MILLIS = 5_000;
    private static final String LISTS = "sites";
    private static final Duration GENERATION_TTL = Duration.ofDays(1);

    /** Where an answer would be stored; {@code hit} is the stored body if there is one. */
    record Lookup(String key, String hit, boolean available) {
    }

    private final StringRedisTemplate redis;
    private final String namespace;
    private volatile long unavailableUntil;
    /** Generations to increment that Redis did not take yet (it was away during the write). */
    private final Set<String> owed = ConcurrentHashMap.newKeySet();

    private final ChangeBus changes;
    private final LocalCache<String, String> generations;

    ResponseCache(StringRedisTemplate redis, String namespace, ChangeBus changes) {
        this.redis = redis;
        this.namespace = namespace.isBlank() ? "" : namespace + ":";
        this.changes = changes;
        this.generations = changes.cache(Duration.ofSeconds(10), Change::aboutSites);
    }

    Lookup lookup(ApiCaller caller, String siteId, String entry) {
        if (System.currentTimeMillis() < unavailableUntil) {
            return new Lookup(null, null, false);
        }
        try {
            if (payOwedEvictions()) {
                changes.publish(Change.site(null)); // the other replicas may have read a generation since
            }
            // Read with its TTL renewed: a generation may only lapse after a day nobody read or wrote it,
            // long after every entry of it expired, so a restarted count can never meet an old entry.
            String generation = generations.get(counterOf(siteId), counter -> {
                String stored = redis.opsForValue().getAndExpire(generationKey(counter), GENERATION_TTL);
                return stored == null ? "0" : stored;
            });
            String key = RedisKeys.apiCache(namespace + "response:" + counterOf(siteId) + ":g"
                    + generation + ":" + scope(caller) + ":"
                    + SecretHashing.sha256Hex(entry).substring(0, 32));
            return new Lookup(key, redis.opsForValue().get(key), true);
        } catch (RuntimeException e) {
            backOff(e);
            return new Lookup(null, null, false);
        }
    }

    void store(Lookup lookup, String body) {
        try {
            redis.opsForValue().set(lookup.key(), body, RedisKeys.API_CACHE_TTL);
        } catch (RuntimeException e) {
            backOff(e);
        }
    }

    /** A write changed {@code siteId} (null: only the lists): forget what was cached about it. */
    void evict(String siteId) {
        owed.add(counterOf(null));
        if (siteId != null) {
            owed.add(counterOf(siteId));
        }
        try {
            payOwedEvictions();
        } catch (RuntimeException e) {
            // Redis is away: the eviction stays owed, and this replica reads no entry before it is paid.
            backOff(e);
        }
        // After the increment: a replica that forgets its generations now reads the new one.
        changes.publish(Change.site(siteId));
    }

    /** Whether any was owed (and is now paid). */
    private boolean payOwedEvictions() {
        boolean paid = false;
        for (String counter : List.copyOf(owed)) {
            // Taken off first: a write that adds it again meanwhile is then paid by its own increment.
            if (!owed.remove(counter)) {
                continue;
            }
            String key = generationKey(counter);
            try {
                redis.opsForValue().increment(key);
                redis.expire(key, GENERATION_TTL);
            } catch (RuntimeException e) {
                owed.add(counter);
                throw e;
            }
            paid = true;
        }
        return paid;
    }

    private String generationKey(String counter) {
        return RedisKeys.apiCache(namespace + "gen:" + counter);
    }

    /** What a site's entries (null: the site lists) are counted under. */
    private static String counterOf(String siteId) {
        return siteId == null ? LISTS : "site:" + RedisKeys.siteTag(siteId);
    }

    /** Two callers share entries only if they have the same site scope. */
    private static String scope(ApiCaller caller) {
        String scope = caller.allSites() ? "*" : String.join(",", new TreeSet<>(caller.siteIds()));
        return SecretHashing.sha256Hex(scope).substring(0, 16);
    }

    private void backOff(RuntimeException e) {
        unavailableUntil = System.currentTimeMillis() + BACK_OFF_MILLIS;
        log.debug("Response cache unavailable: {}", e.getMessage());
    }
}
