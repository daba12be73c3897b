package org.steambytes.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.steambytes.simulator.log.Log;

/**
 * Posts every site's readings every {@code rate}, on a fixed grid (a slow batch does not shift the
 * next one), sites in parallel; runs until the process is stopped. Every minute it logs what was
 * accepted.
 */
public final class LiveLoop {

    private LiveLoop() {
    }

    public static void run(List<SiteFeed> feeds, Duration rate) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, Math.max(1, feeds.size())), runnable -> {
            Thread thread = new Thread(runnable, "simulator-feed");
            thread.setDaemon(true);
            return thread;
        });
        Instant next = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant report = next.plus(Duration.ofMinutes(1));
        Log.info("posting live readings of " + feeds.size() + " site(s) every " + rate.toMillis() / 1000.0 + " s");
        while (!Thread.currentThread().isInterrupted()) {
            Instant at = next;
            List<Future<?>> posts = feeds.stream().<Future<?>>map(feed -> pool.submit(() -> feed.tick(at))).toList();
            for (Future<?> post : posts) {
                try {
                    post.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    Log.warn("a batch failed: " + e.getCause());
                }
            }
            if (!Instant.now().isBefore(report)) {
                Log.info("readings accepted so far: " + feeds.stream().mapToLong(SiteFeed::accepted).sum());
                report = report.plus(Duration.ofMinutes(1));
            }
            next = next.plus(rate);
            Instant now = Instant.now();
            if (next.isBefore(now)) {
                next = now; // fell behind (ingestion was away): go on from now, the gap stays a gap
            }
            try {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), next).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.shutdownNow();
    }
}
