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
    private final byte[] readScript;
    private final byte[] ttlMillis;
    private volatile long unavailableUntil;

    ClosedBucketCache(StringRedisTemplate redis, String namespace, Duration ttl) {
        this.redis = redis;
        this.namespace = namespace;
        this.ttlMillis = bytes(Long.toString(ttl.toMillis()));
        try {
            this.fillScript = new ClassPathResource("history/fill_buckets.lua").getContentAsByteArray();
            this.readScript = new ClassPathResource("history/read_buckets.lua").getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hash for this query's buckets under the site's current generation; null while Redis is away. */
    String key(HistoryQuery query) {
        List<String> keys = keys(List.of(query));
        return keys == null ? null : keys.get(0);
    }

    /**
     * The hashes of these queries' buckets (all of one site) under the site's current generation, read once;
     * null while Redis is away.
     */
    List<String> keys(List<HistoryQuery> queries) {
        if (System.currentTimeMillis() < unavailableUntil) {
            return null;
        }
        try {
            String site = queries.get(0).siteId();
            String stored = redis.opsForValue().get(RedisKeys.historyGeneration(site));
            long generation = stored == null ? 0 : Long.parseLong(stored);
            List<String> keys = new ArrayList<>(queries.size());
            for (HistoryQuery query : queries) {
                keys.add(RedisKeys.historyBuckets(namespace, query.siteId(), query.sensorId(), query.interval().text(),
                        query.aggregate().wireName(), query.timezone(), generation));
            }
            return keys;
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
        try {
            return redis.<Object, String>opsForHash().multiGet(key, new ArrayList<>(fields(starts, first, end)));
        } catch (RuntimeException e) {
            backOff(e);
            return null;
        }
    }

    /**
     * As {@link #read(String, long[], int, int)} for several hashes (of one site: one hash slot), in one round
     * trip on the shared connection (a script; a pipeline would take a connection of its own): per key in
     * order, the values of the buckets; null as a whole when Redis fails.
     */
    List<List<String>> read(List<String> keys, long[] starts, int first, int end) {
        if (keys.size() == 1) {
            List<String> one = read(keys.get(0), starts, first, end);
            return one == null ? null : List.of(one);
        }
        List<String> fields = fields(starts, first, end);
        byte[][] keysAndArgs = new byte[keys.size() + fields.size()][];
        for (int i = 0; i < keys.size(); i++) {
            keysAndArgs[i] = bytes(keys.get(i));
        }
        for (int i = 0; i < fields.size(); i++) {
            keysAndArgs[keys.size() + i] = bytes(fields.get(i));
        }
        try {
            List<?> answers = redis.execute((RedisCallback<List<?>>) connection ->
                    connection.scriptingCommands().eval(readScript, ReturnType.MULTI, keys.size(), keysAndArgs));
            if (answers == null || answers.size() != keys.size()) {
                throw new IllegalStateException("the read script answered " + (answers == null ? "nothing" : answers.size() + " arrays")
                        + " for " + keys.size() + " keys");
            }
            List<List<String>> values = new ArrayList<>(keys.size());
            for (Object answer : answers) {
                List<?> raw = (List<?>) answer;
                List<String> one = new ArrayList<>(raw.size());
                for (Object value : raw) {
                    one.add(value instanceof byte[] text ? new String(text, StandardCharsets.UTF_8) : null);
                }
                values.add(one);
            }
            return values;
        } catch (RuntimeException e) {
            backOff(e);
            return null;
        }
    }

    /** Buckets {@code [first, end)} of one hash, to store ({@link #fill}); a null value is an empty bucket. */
    record Fill(String key, long[] starts, Double[] values, int first, int end) {
    }

    /**
     * Stores the buckets {@code [first, end)} (value null: empty) read from the store, in script calls of
     * at most {@value #FILL_CHUNK} buckets (Lua's unpack has a limit) pipelined together; a failure only
     * costs the cache.
     */
    void fill(String key, long[] starts, Double[] values, int first, int end) {
        fill(List.of(new Fill(key, starts, values, first, end)));
    }

    /** Several hashes' buckets, all in one pipeline. */
    void fill(List<Fill> fills) {
        if (fills.isEmpty()) {
            return;
        }
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (Fill fill : fills) {
                    byte[] rawKey = bytes(fill.key());
                    for (int from = fill.first(); from < fill.end(); from += FILL_CHUNK) {
                        int to = Math.min(fill.end(), from + FILL_CHUNK);
                        byte[][] keysAndArgs = new byte[2 + 2 * (to - from)][];
                        keysAndArgs[0] = rawKey;
                        keysAndArgs[1] = ttlMillis;
                        for (int i = from; i < to; i++) {
                            Double value = fill.values()[i];
                            keysAndArgs[2 + 2 * (i - from)] = bytes(Long.toString(fill.starts()[i]));
                            keysAndArgs[3 + 2 * (i - from)] = bytes(value == null ? "" : value.toString());
                        }
                        connection.scriptingCommands().eval(fillScript, ReturnType.INTEGER, 1, keysAndArgs);
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            backOff(e);
        }
    }

    private static List<String> fields(long[] starts, int first, int end) {
        List<String> fields = new ArrayList<>(end - first);
        for (int i = first; i < end; i++) {
            fields.add(Long.toString(starts[i]));
        }
        return fields;
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
