package org.steambytes.analytics.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.redis.RedisKeys;

/**
 * The {@code ai_processor:history:} hashes of closed buckets, one per sensor, interval, aggregate, time
 * zone and site history generation ({@link RedisKeys#historyBuckets}). A bucket's value is its
 * aggregate, or empty for a bucket without readings. After a Redis failure the cache stays out of the
 * way for a few seconds (every read goes to the store) instead of slowing each request by a timeout.
 */
final class ClosedBucketCache {

    private static final Logger log = LoggerFactory.getLogger(ClosedBucketCache.class);
    private static final long BACK_OFF_MILLIS = 5_000;
    static final int FILL_CHUNK = 1_000;

    private final StringRedisTemplate redis;
    private final String namespace;
    private final byte[] fillScript;
    private final byte[] ttlMillis;
    private volatile long unavailableUntil;

    ClosedBucketCache(StringRedisTemplate redis, String namespace, Duration ttl) {
        this.redis = redis;
        this.namespace = namespace;
        this.ttlMillis = bytes(Long.toString(ttl.toMillis()));
        try {
            this.fillScript = new ClassPathResource("history/fill_buckets.lua").getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hash for this query's buckets under the site's current generation; null while Redis is away. */
    String key(HistoryQuery query) {
        if (System.currentTimeMillis() < unavailableUntil) {
            return null;
        }
        try {
            String generation = redis.opsForValue().get(RedisKeys.historyGeneration(query.siteId()));
            return RedisKeys.historyBuckets(namespace, query.siteId(), query.sensorId(), query.interval().text(),
                    query.aggregate().wireName(), query.timezone(), generation == null ? 0 : Long.parseLong(generation));
        } catch (RuntimeException e) {
            backOff(e);
            return null;
        }
    }

    /**
     * The cached values of the buckets starting at {@code starts[first..end)}: per bucket null when not
     * cached, an empty string for a cached empty bucket, else the value; null as a whole when Redis fails.
     */
    List<String> read(String key, long[] starts, int first, int end) {
        List<Object> fields = new ArrayList<>(end - first);
        for (int i = first; i < end; i++) {
            fields.add(Long.toString(starts[i]));
        }
        try {
            return redis.<Object, String>opsForHash().multiGet(key, fields);
        } catch (RuntimeException e) {
            backOff(e);
            return null;
        }
    }

    /**
     * Stores the buckets {@code [first, end)} (value null: empty) read from the store, in script calls of
     * at most {@value #FILL_CHUNK} buckets (Lua's unpack has a limit) pipelined together; a failure only
     * costs the cache.
     */
    void fill(String key, long[] starts, Double[] values, int first, int end) {
        byte[] rawKey = bytes(key);
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (int from = first; from < end; from += FILL_CHUNK) {
                    int to = Math.min(end, from + FILL_CHUNK);
                    byte[][] keysAndArgs = new byte[2 + 2 * (to - from)][];
                    keysAndArgs[0] = rawKey;
                    keysAndArgs[1] = ttlMillis;
                    for (int i = from; i < to; i++) {
                        keysAndArgs[2 + 2 * (i - from)] = bytes(Long.toString(starts[i]));
                        keysAndArgs[3 + 2 * (i - from)] = bytes(values[i] == null ? "" : values[i].toString());
                    }
                    connection.scriptingCommands().eval(fillScript, ReturnType.INTEGER, 1, keysAndArgs);
                }
                return null;
            });
        } catch (RuntimeException e) {
            backOff(e);
        }
    }

    private void backOff(RuntimeException e) {
        if (System.currentTimeMillis() >= unavailableUntil) {
            log.warn("History cache unavailable (Redis: {}); reading history from the store for {} s",
                    e.getMessage(), BACK_OFF_MILLIS / 1000);
        }
        unavailableUntil = System.currentTimeMillis() + BACK_OFF_MILLIS;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
