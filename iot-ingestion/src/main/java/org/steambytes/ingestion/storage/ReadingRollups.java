package org.steambytes.ingestion.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
 * then the closed hours holding them into hourly ones. A run reaches further back for a site this
 * replica wrote older readings of since the last run (a gateway's catch-up batch, the spool drained
 * after an outage), and to where a failed run started, but never beyond the raw retention (nothing
 * is left there to roll up).
 * iot-ingestion is the store's one writer. Every replica runs it: a roll-up is idempotent (it
 * recomputes and overwrites), and each replica is the one that knows which old windows its own writes
 * made stale.
 */
public final class ReadingRollups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingRollups.class);
    /** Beyond this many stale sites (an outage drained), one all-sites pass is cheaper than one per site. */
    static final int SITES_ONE_BY_ONE = 20;

    private final ReadingStore store;
    private final EarliestShipped earliestShipped;
    private final Retention retention;
    private final Duration every;
    private final Duration lookBack;
    private final Clock clock;
    private ScheduledExecutorService schedule;
    private volatile Instant allSitesFrom; // where a failed all-sites pass started, null after a good one

    ReadingRollups(ReadingStore store, EarliestShipped earliestShipped, Retention retention, Duration every,
            Duration lookBack, Clock clock) {
        this.store = store;
        this.earliestShipped = earliestShipped;
        this.retention = retention;
        this.every = every;
        this.lookBack = lookBack;
        this.clock = clock;
    }

    /**
     * One run: first the sites this replica wrote readings older than the look-back for, from their
     * oldest (each alone, or all sites at once when many are stale, as after an outage), then every
     * site's look-back window; minutes before the hours holding them.
     */
    public void rollUp() {
        Instant now = clock.instant();
        Instant oldestKept = retention.raw() == null ? Instant.MIN : now.minus(retention.raw());
        Instant recent = latest(now.minus(lookBack), oldestKept);
        if (allSitesFrom != null) { // the last run's all-sites pass failed: it is done again from there
            recent = latest(earliest(recent, allSitesFrom), oldestKept);
        }
        Map<String, Instant> stale = new HashMap<>();
        for (Map.Entry<String, Instant> site : earliestShipped.take().entrySet()) {
            if (site.getValue().isBefore(recent)) {
                stale.put(site.getKey(), latest(site.getValue(), oldestKept));
            }
        }
        if (stale.size() > SITES_ONE_BY_ONE) {
            recent = stale.values().stream().min(Instant::compareTo).orElseThrow();
            stale.clear();
        }
        Map<String, Instant> left = new HashMap<>(stale);
        try {
            for (Map.Entry<String, Instant> site : stale.entrySet()) {
                store.rollUpSite(Resolution.MINUTE, site.getKey(), site.getValue(), now);
                store.rollUpSite(Resolution.HOUR, site.getKey(), site.getValue(), now);
                left.remove(site.getKey());
            }
            store.rollUp(Resolution.MINUTE, recent, now);
            store.rollUp(Resolution.HOUR, recent, now);
            allSitesFrom = null;
        } catch (RuntimeException e) {
            earliestShipped.giveBack(left); // the next run starts where this one could not go on
            allSitesFrom = recent;
            throw e;
        }
        log.debug("Rolled up {} sites from their catch-up readings, every site from {}", stale.size(), recent);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
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
