package org.steambytes.api.cache;

import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.api.apikey.ApiCaller;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.security.SecretHashing;

/**
 * The {@code frontend_api:} response cache. Eviction is by generation: each site has a counter
 * ({@code frontend_api:gen:site:{id}}) and the site lists one ({@code frontend_api:gen:sites}); a
 * write increments them, so every older entry is simply never read again and expires with its TTL.
 * After a Redis failure the cache stays out of the way for a few seconds instead of slowing every
 * request down.
 */
final class ResponseCache {

    private static final Logger log = LoggerFactory.getLogger(ResponseCache.class);
    private static final long BACK_OFF_MILLIS = 5_000;
    private static final String LISTS = "sites";

    /** Where an answer would be stored; {@code hit} is the stored body if there is one. */
    record Lookup(String key, String hit, boolean available) {
    }

    private final StringRedisTemplate redis;
    private final String namespace;
    private volatile long unavailableUntil;

    ResponseCache(StringRedisTemplate redis, String namespace) {
        this.redis = redis;
        this.namespace = namespace.isBlank() ? "" : namespace + ":";
    }

    Lookup lookup(ApiCaller caller, String siteId, String entry) {
        if (System.currentTimeMillis() < unavailableUntil) {
            return new Lookup(null, null, false);
        }
        try {
            String generation = redis.opsForValue().get(generationKey(siteId));
            String key = RedisKeys.apiCache(namespace + "response:" + (siteId == null ? LISTS : "site:" + siteId) + ":g"
                    + (generation == null ? "0" : generation) + ":" + scope(caller) + ":"
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
        try {
            redis.opsForValue().increment(generationKey(null));
            if (siteId != null) {
                redis.opsForValue().increment(generationKey(siteId));
            }
        } catch (RuntimeException e) {
            // Redis is away: no entry can be served before it returns, and the TTL ends old ones.
            backOff(e);
        }
    }

    private String generationKey(String siteId) {
        return RedisKeys.apiCache(namespace + "gen:" + (siteId == null ? LISTS : "site:" + siteId));
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
