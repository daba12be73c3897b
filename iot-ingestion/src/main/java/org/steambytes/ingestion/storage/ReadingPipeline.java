package org.steambytes.ingestion.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.ReadingStoreUnavailableException;
import org.steambytes.common.reading.ReadingsRefusedException;
import org.steambytes.common.worker.BackgroundWorker;
import org.steambytes.common.worker.BackgroundWorker.Backoff;

/**
 * Makes accepted batches durable, then ships them to InfluxDB.
 *
 * <p>Spool first: request threads {@link #submit} a batch and wait; the spool writer takes every
 * batch waiting, appends them to the {@link Spool} and fsyncs once (group commit, ~0.3 ms here), and
 * completes them all — that is the 202. The shipper reads the spool in order and writes it to InfluxDB
 * in large coalesced writes, committing its position after each. While InfluxDB is down or slow the
 * spool simply grows (503 only when it is full) and the shipper catches up when it answers. One path
 * for normal operation and recovery; order is the spool's; a crash replays at most the last
 * uncommitted chunk, which InfluxDB absorbs (same point, same value).
 */
public final class ReadingPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingPipeline.class);

    private record Pending(List<Reading> readings, CompletableFuture<Void> done) {
    }

    private final ReadingStore store;
    private final StoredReadingsListener listener;
    private final Spool spool;
    private final Path deadLetters;
    private final long shipChunkBytes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore spooled = new Semaphore(0);
    private final BackgroundWorker spoolWriter = new SpoolWriter();
    private final BackgroundWorker shipper = new Shipper();
    private final Timer writeLatency;
    private final Timer spoolLatency;
    private final DistributionSummary coalescedSize;
    private final Counter shippedReadings;
    private volatile boolean influxAvailable = true;
    private final EarliestShipped earliestShipped = new EarliestShipped();

    /** Opens (and recovers) the spool in {@code directory} and starts the spool writer and the shipper. */
    public static ReadingPipeline open(ReadingStore store, StoredReadingsListener listener, Path directory,
            long maxSpoolBytes, long segmentBytes, int maxWriteReadings, MeterRegistry meters) throws IOException {
        Spool spool = Spool.open(directory, maxSpoolBytes, segmentBytes);
        return new ReadingPipeline(store, listener, spool, directory.resolve("refused").resolve("readings.txt"),
                maxWriteReadings, meters);
    }

    ReadingPipeline(ReadingStore store, StoredReadingsListener listener, Spool spool, Path deadLetters,
            int maxWriteReadings, MeterRegistry meters) {
        this.store = store;
        this.listener = listener;
        this.spool = spool;
        this.deadLetters = deadLetters;
        this.shipChunkBytes = (long) maxWriteReadings * 48; // about 48 spool bytes per reading
        this.writeLatency = Timer.builder("ingestion.influx.write").description("InfluxDB write latency")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.spoolLatency = Timer.builder("ingestion.spool.append").description("spool append + fsync latency")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.coalescedSize = DistributionSummary.builder("ingestion.coalesced.batch.size").baseUnit("readings")
                .description("readings per InfluxDB write").register(meters);
        this.shippedReadings = Counter.builder("ingestion.influx.shipped").baseUnit("readings").register(meters);
        Gauge.builder("ingestion.spool.depth", spool, Spool::pendingRecords).baseUnit("batches")
                .description("accepted batches not yet in InfluxDB").register(meters);
        Gauge.builder("ingestion.spool.size", spool, Spool::liveBytes).baseUnit("bytes").register(meters);
        spoolWriter.start();
        shipper.start();
        if (!spool.isEmpty()) {
            log.info("Resuming: {} accepted batches are still to be written to InfluxDB", spool.pendingRecords());
            spooled.release();
        }
    }

    /** Completes when the batch is durable, or exceptionally with {@link StorageUnavailableException}. */
    public CompletableFuture<Void> submit(List<Reading> readings) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(readings, done));
        return done;
    }

    /** The oldest reading written since the last look (the rollups of its window are stale): {@link ReadingRollups}. */
    EarliestShipped earliestShipped() {
        return earliestShipped;
    }

    /** Whether every accepted batch has been written to InfluxDB. */
    public boolean isCaughtUp() {
        return spool.isEmpty() && queue.isEmpty();
    }

    /** Whether the last InfluxDB write succeeded. */
    public boolean isInfluxAvailable() {
        return influxAvailable;
    }

    /** Takes every batch waiting, appends them with one fsync; on stop, spools what is still queued first. */
    private final class SpoolWriter extends BackgroundWorker {

        SpoolWriter() {
            super("spool-writer", Duration.ofSeconds(10));
        }

        @Override
        protected void work() {
            List<Pending> group = new ArrayList<>();
            while (running() || !queue.isEmpty()) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    group.add(first);
                    queue.drainTo(group);
                    append(group);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    group.clear();
                }
            }
        }
    }

    private void append(List<Pending> group) {
        List<byte[]> payloads = new ArrayList<>(group.size());
        for (Pending pending : group) {
            payloads.add(ReadingCodec.encode(pending.readings()));
        }
        long started = System.nanoTime();
        try {
            spool.append(payloads);
            spoolLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            group.forEach(p -> p.done().complete(null));
            spooled.release();
        } catch (SpoolFullException e) {
            StorageUnavailableException full = new StorageUnavailableException(e.getMessage(), e, true);
            group.forEach(p -> p.done().completeExceptionally(full));
        } catch (IOException | RuntimeException e) {
            log.error("Cannot append to the spool", e);
            StorageUnavailableException failed = new StorageUnavailableException("spool not writable", e, false);
            group.forEach(p -> p.done().completeExceptionally(failed));
        }
    }

    /** Writes the spool to InfluxDB in order, in large writes, committing its position after each. */
    private final class Shipper extends BackgroundWorker {

        private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

        Shipper() {
            super("influx-shipper", Duration.ofSeconds(10));
        }

        @Override
        protected void work() {
            while (running()) {
                try {
                    shipNext();
                    backoff.reset();
                } catch (ReadingStoreUnavailableException e) {
                    if (influxAvailable) {
                        log.warn("InfluxDB write failed ({}); accepted readings wait in the spool until it answers",
                                e.getMessage());
                    }
                    influxAvailable = false;
                    backoff.pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | RuntimeException e) {
                    log.error("Shipping the spool to InfluxDB failed; retrying", e);
                    pause(Duration.ofSeconds(5));
                }
            }
        }
    }

    private void shipNext() throws IOException, InterruptedException {
        Spool.Replay chunk = spool.read(shipChunkBytes);
        if (chunk.isEmpty()) {
            spooled.tryAcquire(100, TimeUnit.MILLISECONDS);
            spooled.drainPermits();
            return;
        }
        List<Reading> readings = new ArrayList<>();
        chunk.payloads().forEach(payload -> readings.addAll(ReadingCodec.decode(payload)));
        long started = System.nanoTime();
        try {
            store.write(readings);
            earliestShipped.note(readings);
            writeLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            coalescedSize.record(readings.size());
        } catch (ReadingsRefusedException e) {
            keepAsDeadLetters(chunk, e);
        }
        // Also after a refusal: InfluxDB 1.x stores the valid points of a "partial write" it refuses.
        listener.stored(readings);
        spool.commit(chunk);
        shippedReadings.increment(readings.size());
        if (!influxAvailable) {
            log.info("InfluxDB answers again; {} batches still to write", spool.pendingRecords());
        }
        influxAvailable = true;
    }

    /** InfluxDB refuses these for good: keep them beside the spool rather than block it or lose them. */
    private void keepAsDeadLetters(Spool.Replay chunk, ReadingsRefusedException cause) throws IOException {
        log.error("InfluxDB refused {} batches for good ({}); keeping them in {}", chunk.payloads().size(),
                cause.getMessage(), deadLetters);
        Files.createDirectories(deadLetters.getParent());
        StringBuilder lines = new StringBuilder();
        chunk.payloads().forEach(p -> ReadingCodec.decode(p).forEach(r -> lines.append(r).append('\n')));
        Files.writeString(deadLetters, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    /** Spools what is still queued, then stops; what is not yet in InfluxDB is shipped after the next start. */
    @Override
    public void close() throws IOException {
        spoolWriter.stop();
        shipper.stop();
        spool.close();
    }
}
