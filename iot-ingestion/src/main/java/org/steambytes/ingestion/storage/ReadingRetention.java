package org.steambytes.ingestion.storage;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steambytes.common.reading.PostgresReadingStore;
import org.steambytes.common.reading.ReadingStore;

/**
 * Deletes readings older than the retention ({@code INGESTION_RETENTION}, the oldest reading ingestion
 * accepts) from the {@code readings} table, hourly, when the readings are in PostgreSQL
 * (docs/ARCHITECTURE.md §2 "Readings in PostgreSQL"); InfluxDB keeps its own retention policy. iot-ingestion
 * is the table's one writer. Replicas may each run it: the delete is idempotent and cheap through the BRIN
 * index on {@code ts}. With any other store it does nothing.
 */
public final class ReadingRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingRetention.class);
    static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);
    static final Duration EVERY = Duration.ofHours(1);

    private final PostgresReadingStore store; // null: the readings are not in PostgreSQL
    private final Duration retention;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    public ReadingRetention(ReadingStore store, Duration retention, Clock clock) {
        this.store = store instanceof PostgresReadingStore postgres ? postgres : null;
        this.retention = retention;
        this.clock = clock;
    }

    /** Deletes what is older than the retention now; returns how many readings went. */
    public long deleteExpired() {
        if (store == null) {
            return 0;
        }
        long deleted = store.deleteOlderThan(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} readings older than the retention of {}", deleted, retention);
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
