package org.steambytes.ingestion.metadata;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;

/**
 * Metadata read from PostgreSQL and trusted for a while. After {@code ttl} an entry is re-read (by one
 * caller; the others keep using the old value meanwhile); if PostgreSQL cannot be read, the last
 * known value keeps serving, so ingestion goes on for gateways and sensors it has seen.
 */
public final class StaleTolerantCache<K, V> {

    private record Entry<V>(V value, long loadedAt, AtomicBoolean refreshing) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public StaleTolerantCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> loader) {
        return get(key, loader, ttlNanos);
    }

    /** Like {@link #get} but re-reads an entry older than {@code maxAge} (e.g. to find a sensor just added). */
    public V getNoOlderThan(K key, Function<K, V> loader, Duration maxAge) {
        return get(key, loader, Math.min(ttlNanos, maxAge.toNanos()));
    }

    private V get(K key, Function<K, V> loader, long maxAgeNanos) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < maxAgeNanos) {
            return entry.value();
        }
        if (entry != null && !entry.refreshing().compareAndSet(false, true)) {
            return entry.value(); // another caller is re-reading it right now
        }
        try {
            V value = loader.apply(key);
            if (entries.size() >= maxEntries) {
                entries.clear(); // crude bound against unbounded keys (e.g. random tokens); re-reads are cheap
            }
            entries.put(key, new Entry<>(value, now, new AtomicBoolean()));
            return value;
        } catch (DataAccessException e) {
            if (entry != null) {
                entry.refreshing().set(false);
                return entry.value();
            }
            throw MetadataUnavailableException.of(e);
        }
    }
}
