package org.steambytes.ingestion.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.Resolution;
import org.steambytes.common.reading.Retention;

/**
 * Computes the history's rollups through the reading store (docs/ARCHITECTURE.md §2 "Rollups and
 * retention"): every {@code every}, the closed minutes since {@code lookBack} ago into 1-minute rollups,
 * then the closed hours holding them into hourly ones. A run reaches further back when this replica
 * wrote older readings since the last run (catch-up batches from the spool or a gateway), or when the
 * last run failed, but never beyond the raw retention (nothing is left there to roll up).
 * iot-ingestion is the store's one writer. Every replica runs it: a roll-up is idempotent (it
 * recomputes and overwrites), and each replica is the one that knows which old windows its own writes
 * made stale.
 */
public final class ReadingRollups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingRollups.class);

    private final ReadingStore store;
    private final EarliestShipped earliestShipped;
    private final Retention retention;
    private final Duration every;
    private final Duration lookBack;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    ReadingRollups(ReadingStore store, EarliestShipped earliestShipped, Retention retention, Duration every,
            Duration lookBack, Clock clock) {
        this.store = store;
        this.earliestShipped = earliestShipped;
        this.retention = retention;
        this.every = every;
        this.lookBack = lookBack;
        this.clock = clock;
    }

    /** One run: rolls up what may have changed, minutes first, then the hours holding them. */
    public void rollUp() {
        Instant now = clock.instant();
        Instant from = now.minus(lookBack);
        Instant stale = earliestShipped.take().orElse(null);
        if (stale != null && stale.isBefore(from)) {
            from = stale;
        }
        if (retention.raw() != null && from.isBefore(now.minus(retention.raw()))) {
            from = now.minus(retention.raw());
        }
        try {
            long minutes = store.rollUp(Resolution.MINUTE, from, now);
            long hours = store.rollUp(Resolution.HOUR, from, now);
            log.debug("Rolled up {} minutes and {} hours from {}", minutes, hours, from);
        } catch (RuntimeException e) {
            earliestShipped.giveBack(from); // the next run starts here again
            throw e;
        }
    }

    void start() {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reading-rollups");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::rollUpQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void rollUpQuietly() {
        try {
            rollUp();
        } catch (RuntimeException e) {
            log.warn("Rolling up readings failed ({}); trying again in {}", e.toString(), every);
        }
    }

    /** Stops the schedule; a later {@link #start} (a paused test context resumed) schedules anew. */
    void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
