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

/**
 * Makes accepted batches durable, then ships them to InfluxDB.
 *
 * <p>Journal first: request threads {@link #submit} a batch and wait; the journal thread takes every
 * batch waiting, appends them to the {@link Spool} and fsyncs once (group commit, ~0.3 ms here), and
 * completes them all — that is the 202. The shipper reads the spool in order and writes it to InfluxDB
 * in large coalesced writes, committing its position after each. While InfluxDB is down or slow the
 * spool simply grows (503 only when it is full) and the shipper catches up when it answers. One path
 * for normal operation and recovery; order is the journal's; a crash replays at most the last
 * uncommitted chunk, which InfluxDB absorbs (same point, same value).
 */
public final class ReadingPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingPipeline.class);

    private record Pending(List<Reading> readings, CompletableFuture<Void> done) {
    }

    private final ReadingStore store;
    private final Spool spool;
    private final Path deadLetters;
    private final long shipChunkBytes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Semaphore journalled = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private final Timer writeLatency;
    private final Timer journalLatency;
    private final DistributionSummary coalescedSize;
    private final Counter shippedReadings;
    private volatile boolean influxAvailable = true;
    private volatile boolean running = true;

    /** Opens (and recovers) the spool in {@code directory} and starts the journal and shipper threads. */
    public static ReadingPipeline open(ReadingStore store, Path directory, long maxSpoolBytes, long segmentBytes,
            int maxWriteReadings, MeterRegistry meters) throws IOException {
        Spool spool = Spool.open(directory, maxSpoolBytes, segmentBytes);
        return new ReadingPipeline(store, spool, directory.resolve("refused").resolve("readings.txt"),
                maxWriteReadings, meters);
    }

    ReadingPipeline(ReadingStore store, Spool spool, Path deadLetters, int maxWriteReadings, MeterRegistry meters) {
        this.store = store;
        this.spool = spool;
        this.deadLetters = deadLetters;
        this.shipChunkBytes = (long) maxWriteReadings * 48; // about 48 journal bytes per reading
        this.writeLatency = Timer.builder("ingestion.influx.write").description("InfluxDB write latency")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.journalLatency = Timer.builder("ingestion.spool.append").description("journal append + fsync latency")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.coalescedSize = DistributionSummary.builder("ingestion.coalesced.batch.size").baseUnit("readings")
                .description("readings per InfluxDB write").register(meters);
        this.shippedReadings = Counter.builder("ingestion.influx.shipped").baseUnit("readings").register(meters);
        Gauge.builder("ingestion.spool.depth", spool, Spool::pendingRecords).baseUnit("batches")
                .description("accepted batches not yet in InfluxDB").register(meters);
        Gauge.builder("ingestion.spool.size", spool, Spool::liveBytes).baseUnit("bytes").register(meters);
        threads.add(start("spool-journal", this::journalLoop));
        threads.add(start("influx-shipper", this::shipLoop));
        if (!spool.isEmpty()) {
            log.info("Resuming: {} accepted batches are still to be written to InfluxDB", spool.pendingRecords());
            journalled.release();
        }
    }

    /** Completes when the batch is durable, or exceptionally with {@link StorageUnavailableException}. */
    public CompletableFuture<Void> submit(List<Reading> readings) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(readings, done));
        return done;
    }

    /** Whether every accepted batch has been written to InfluxDB. */
    public boolean isCaughtUp() {
        return spool.isEmpty() && queue.isEmpty();
    }

    /** Whether the last InfluxDB write succeeded. */
    public boolean isInfluxAvailable() {
        return influxAvailable;
    }

    private void journalLoop() {
        List<Pending> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
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

    private void append(List<Pending> group) {
        List<byte[]> payloads = new ArrayList<>(group.size());
        for (Pending pending : group) {
            payloads.add(ReadingCodec.encode(pending.readings()));
        }
        long started = System.nanoTime();
        try {
            spool.append(payloads);
            journalLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            group.forEach(p -> p.done().complete(null));
            journalled.release();
        } catch (SpoolFullException e) {
            StorageUnavailableException full = new StorageUnavailableException(e.getMessage(), e, true);
            group.forEach(p -> p.done().completeExceptionally(full));
        } catch (IOException | RuntimeException e) {
            log.error("Cannot append to the spool", e);
            StorageUnavailableException failed = new StorageUnavailableException("spool not writable", e, false);
            group.forEach(p -> p.done().completeExceptionally(failed));
        }
    }

    private void shipLoop() {
        long backoffMillis = 250;
        while (running) {
            try {
                Spool.Replay chunk = spool.read(shipChunkBytes);
                if (chunk.isEmpty()) {
                    journalled.tryAcquire(100, TimeUnit.MILLISECONDS);
                    journalled.drainPermits();
                    continue;
                }
                List<Reading> readings = new ArrayList<>();
                chunk.payloads().forEach(payload -> readings.addAll(ReadingCodec.decode(payload)));
                long started = System.nanoTime();
                try {
                    store.write(readings);
                    writeLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    coalescedSize.record(readings.size());
                } catch (ReadingsRefusedException e) {
                    keepAsDeadLetters(chunk, e);
                }
                spool.commit(chunk);
                shippedReadings.increment(readings.size());
                if (!influxAvailable) {
                    log.info("InfluxDB answers again; {} batches still to write", spool.pendingRecords());
                }
                influxAvailable = true;
                backoffMillis = 250;
            } catch (ReadingStoreUnavailableException e) {
                if (influxAvailable) {
                    log.warn("InfluxDB write failed ({}); accepted readings wait in the spool until it answers",
                            e.getMessage());
                }
                influxAvailable = false;
                sleepQuietly(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Shipping the spool to InfluxDB failed; retrying", e);
                sleepQuietly(5_000);
            }
        }
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

    private static Thread start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Journals what is still queued, then stops; what is not yet in InfluxDB is shipped after the next start. */
    @Override
    public void close() throws IOException {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        spool.close();
    }
}
