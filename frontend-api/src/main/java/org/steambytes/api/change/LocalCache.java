package org.steambytes.api.change;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values kept in this replica's memory for at most {@code ttl}, forgotten (all of them) when the
 * changes channel carries a change they depend on, and served only while the channel is healthy:
 * otherwise every call loads afresh. A loader answering null keeps nothing (an unknown API key is never
 * remembered). A value whose load overlapped a change is answered but not kept.
 */
public final class LocalCache<K, V> {

    /** Enough for every key and user of a large installation; more and it starts over. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long expiresNanos) {
    }

    private final ChangeBus bus;
    private final long ttlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    LocalCache(ChangeBus bus, Duration ttl, Predicate<Change> forgetsOn) {
        this.bus = bus;
        this.ttlNanos = ttl.toNanos();
        bus.onChange(change -> {
            if (forgetsOn.test(change)) {
                entries.clear();
            }
        });
    }

    public V get(K key, Function<K, V> loader) {
        if (!bus.healthy()) {
            return loader.apply(key);
        }
        Entry<V> entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && now - entry.expiresNanos() < 0) {
            return entry.value();
        }
        long epoch = bus.epoch();
        V value = loader.apply(key);
        if (value != null && bus.epoch() == epoch && bus.healthy()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + ttlNanos));
        }
        return value;
    }
}
