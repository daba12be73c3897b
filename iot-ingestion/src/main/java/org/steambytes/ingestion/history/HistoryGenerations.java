package org.steambytes.ingestion.history;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.worker.BackgroundWorker;
import org.steambytes.ingestion.storage.StoredReadingsListener;

/**
 * Moves a site's history generation ({@link RedisKeys#historyGeneration}) on once its late readings are
 * in the store: readings older than the current UTC hour may change a history bucket ai-processor has
 * cached as closed, and a new generation makes it read such buckets again. Once per store write and
 * site, however many late readings it holds; off the shipping thread, so a slow or absent Redis never
 * holds the spool back. Sites whose increment Redis did not take are retried until it does.
 */
@Component
class HistoryGenerations extends BackgroundWorker implements StoredReadingsListener {

    private static final Logger log = LoggerFactory.getLogger(HistoryGenerations.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Set<String> owed = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();

    HistoryGenerations(StringRedisTemplate redis, Clock clock) {
        super("history-generations", Duration.ofSeconds(5));
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public void stored(List<Reading> readings) {
        long hour = clock.instant().truncatedTo(ChronoUnit.HOURS).toEpochMilli();
        boolean late = false;
        for (Reading reading : readings) {
            if (reading.timestamp().toEpochMilli() < hour) {
                late |= owed.add(reading.siteId());
            }
        }
        if (late) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    @Override
    protected void work() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
        while (running()) {
            synchronized (signal) {
                if (owed.isEmpty()) {
                    try {
                        signal.wait(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            if (flush()) {
                backoff.reset();
            } else {
                backoff.pause();
            }
        }
        flush(); // what the last writes before a stop owed
    }

    /** Increments every owed site's generation in one pipeline; false (they stay owed) when Redis fails. */
    private boolean flush() {
        List<String> sites = new ArrayList<>(owed);
        if (sites.isEmpty()) {
            return true;
        }
        sites.forEach(owed::remove);
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                sites.forEach(site -> connection.stringCommands().incr(
                        RedisKeys.historyGeneration(site).getBytes(StandardCharsets.UTF_8)));
                return null;
            });
            return true;
        } catch (RuntimeException e) {
            owed.addAll(sites);
            log.debug("History generations of {} sites not moved yet (Redis: {}); retrying", sites.size(), e.getMessage());
            return false;
        }
    }

    @Override
    protected void stopping() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
