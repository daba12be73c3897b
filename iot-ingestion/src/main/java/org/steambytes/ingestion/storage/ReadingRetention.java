package org.steambytes.ingestion.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steambytes.common.reading.PostgresReadingStore;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.Resolution;
import org.steambytes.common.reading.Retention;

/**
 * Deletes readings older than the retention ({@code INGESTION_RETENTION}, the oldest reading ingestion
 * accepts) from the {@code readings} table, and rollups older than theirs ({@code RETENTION_1M},
 * {@code RETENTION_1H}; none when empty) from the rollup tables, hourly, when the readings are in PostgreSQL
 * (docs/ARCHITECTURE.md §2 "Readings in PostgreSQL", "Rollups and retention"); InfluxDB keeps its own
 * retention policies. iot-ingestion is the tables' one writer. Replicas may each run it: the delete is idempotent and cheap through the BRIN
 * index on {@code ts}. With any other store it does nothing.
 */
public final class ReadingRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingRetention.class);
    static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);
    static final Duration EVERY = Duration.ofHours(1);

    private final PostgresReadingStore store; // null: the readings are not in PostgreSQL
    private final Retention retention;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    /** Raw readings only: the rollups are kept forever. */
    public ReadingRetention(ReadingStore store, Duration retention, Clock clock) {
        this(store, new Retention(retention, null, null), clock);
    }

    public ReadingRetention(ReadingStore store, Retention retention, Clock clock) {
        this.store = store instanceof PostgresReadingStore postgres ? postgres : null;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes what is older than the retention now; returns how many readings went (rollups not counted). */
    public long deleteExpired() {
        if (store == null) {
            return 0;
        }
        Instant now = clock.instant();
        long deleted = retention.raw() == null ? 0 : store.deleteOlderThan(now.minus(retention.raw()));
        if (deleted > 0) {
            log.info("Deleted {} readings older than the retention of {}", deleted, retention.raw());
        }
        for (Resolution resolution : List.of(Resolution.MINUTE, Resolution.HOUR)) {
            Duration kept = retention.of(resolution);
            if (kept != null) {
                long rollups = store.deleteRollupsOlderThan(resolution, now.minus(kept));
                if (rollups > 0) {
                    log.info("Deleted {} {} rollups older than their retention of {}", rollups,
                            resolution.wireName(), kept);
                }
            }
        }
        return deleted;
    }

    void start() {
        if (store == null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reading-retention");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::deleteExpiredQuietly, FIRST_RUN_AFTER.toSeconds(), EVERY.toSeconds(),
                TimeUnit.SECONDS);
    }

    private void deleteExpiredQuietly() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            log.warn("Deleting expired readings failed ({}); trying again in {}", e.toString(), EVERY);
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
