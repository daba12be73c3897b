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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.ReadingStoreUnavailableException;
import org.steambytes.common.reading.ReadingsRefusedException;

/**
 * Makes accepted batches durable. Request threads {@link #submit} a batch and wait for its future;
 * writer threads coalesce whatever batches are waiting into one InfluxDB write and complete them all
 * when it returns. If a write fails or times out, those batches are appended to the {@link Spool}
 * (fsync) instead, and from then on every batch goes to the spool until the replayer has written the
 * whole spool to InfluxDB in order — so a newer value is never overwritten by an older replayed one.
 */
public final class ReadingPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingPipeline.class);
    private static final long REPLAY_CHUNK_BYTES = 4L * 1024 * 1024;

    private record Pending(List<Reading> readings, CompletableFuture<Durability> done) {
    }

    private final ReadingStore store;
    private final Spool spool;
    private final Path deadLetters;
    private final int maxWriteReadings;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object modeLock = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private final Timer writeLatency;
    private final DistributionSummary coalescedSize;
    private final Counter replayedReadings;
    private volatile boolean spooling;
    private volatile boolean running = true;

    /** Opens (and recovers) the spool in {@code directory} and starts the writers and the replayer. */
    public static ReadingPipeline open(ReadingStore store, Path directory, long maxSpoolBytes, long segmentBytes,
            int writers, int maxWriteReadings, MeterRegistry meters) throws IOException {
        Spool spool = Spool.open(directory, maxSpoolBytes, segmentBytes);
        return new ReadingPipeline(store, spool, directory.resolve("refused").resolve("readings.txt"), writers,
                maxWriteReadings, meters);
    }

    ReadingPipeline(ReadingStore store, Spool spool, Path deadLetters, int writers, int maxWriteReadings,
            MeterRegistry meters) {
        this.store = store;
        this.spool = spool;
        this.deadLetters = deadLetters;
        this.maxWriteReadings = maxWriteReadings;
        this.spooling = !spool.isEmpty(); // left over from before a crash: replay it before anything newer
        this.writeLatency = Timer.builder("ingestion.influx.write").description("InfluxDB write latency")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.coalescedSize = DistributionSummary.builder("ingestion.coalesced.batch.size").baseUnit("readings")
                .description("readings per InfluxDB write").register(meters);
        this.replayedReadings = Counter.builder("ingestion.spool.replayed").baseUnit("readings").register(meters);
        Gauge.builder("ingestion.spool.depth", spool, Spool::pendingRecords).baseUnit("batches")
                .description("batches waiting in the spool").register(meters);
        Gauge.builder("ingestion.spool.size", spool, Spool::liveBytes).baseUnit("bytes").register(meters);
        for (int i = 0; i < writers; i++) {
            threads.add(start("influx-writer-" + i, this::writeLoop));
        }
        threads.add(start("spool-replayer", this::replayLoop));
    }

    /** Completes when the batch is durable, or exceptionally with {@link StorageUnavailableException}. */
    public CompletableFuture<Durability> submit(List<Reading> readings) {
        CompletableFuture<Durability> done = new CompletableFuture<>();
        queue.add(new Pending(readings, done));
        return done;
    }

    public boolean isSpooling() {
        return spooling;
    }

    private void writeLoop() {
        while (running) {
            List<Pending> group = nextGroup();
            if (group.isEmpty()) {
                continue;
            }
            synchronized (modeLock) {
                if (spooling) {
                    appendToSpool(group);
                    continue;
                }
            }
            List<Reading> readings = concat(group);
            long started = System.nanoTime();
            try {
                store.write(readings);
                writeLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                coalescedSize.record(readings.size());
                group.forEach(p -> p.done().complete(Durability.STORED));
            } catch (ReadingStoreUnavailableException | ReadingsRefusedException e) {
                log.warn("InfluxDB write of {} readings failed ({}); spooling until it is back", readings.size(),
                        e.getMessage());
                synchronized (modeLock) {
                    spooling = true;
                    appendToSpool(group);
                }
            } catch (RuntimeException e) {
                log.error("Unexpected failure writing {} readings; spooling them", readings.size(), e);
                synchronized (modeLock) {
                    spooling = true;
                    appendToSpool(group);
                }
            }
        }
    }

    private List<Pending> nextGroup() {
        List<Pending> group = new ArrayList<>();
        try {
            Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
            if (first == null) {
                return group;
            }
            group.add(first);
            int total = first.readings().size();
            Pending next;
            while (total < maxWriteReadings && (next = queue.peek()) != null
                    && total + next.readings().size() <= maxWriteReadings) {
                next = queue.poll();
                if (next == null) {
                    break;
                }
                group.add(next);
                total += next.readings().size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return group;
    }

    private void appendToSpool(List<Pending> group) {
        List<byte[]> payloads = new ArrayList<>(group.size());
        for (Pending pending : group) {
            payloads.add(ReadingCodec.encode(pending.readings()));
        }
        try {
            spool.append(payloads);
            group.forEach(p -> p.done().complete(Durability.SPOOLED));
        } catch (SpoolFullException e) {
            StorageUnavailableException full = new StorageUnavailableException(e.getMessage(), e, true);
            group.forEach(p -> p.done().completeExceptionally(full));
        } catch (IOException | RuntimeException e) {
            log.error("Cannot append to the spool", e);
            StorageUnavailableException failed = new StorageUnavailableException("spool not writable", e, false);
            group.forEach(p -> p.done().completeExceptionally(failed));
        }
    }

    private void replayLoop() {
        long backoffMillis = 500;
        while (running) {
            try {
                if (!spooling) {
                    Thread.sleep(100);
                    continue;
                }
                Spool.Replay replay = spool.read(REPLAY_CHUNK_BYTES);
                if (replay.isEmpty()) {
                    synchronized (modeLock) {
                        if (spool.isEmpty()) {
                            spooling = false;
                            log.info("Spool replayed completely; writing to InfluxDB directly again");
                        }
                    }
                    continue;
                }
                List<Reading> readings = new ArrayList<>();
                replay.payloads().forEach(payload -> readings.addAll(ReadingCodec.decode(payload)));
                try {
                    store.write(readings);
                } catch (ReadingsRefusedException e) {
                    keepAsDeadLetters(replay, e);
                }
                spool.commit(replay);
                replayedReadings.increment(readings.size());
                backoffMillis = 500;
            } catch (ReadingStoreUnavailableException e) {
                sleepQuietly(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Spool replay failed; retrying", e);
                sleepQuietly(5_000);
            }
        }
    }

    /** InfluxDB refuses these for good: keep them beside the spool rather than block it or lose them. */
    private void keepAsDeadLetters(Spool.Replay replay, ReadingsRefusedException cause) throws IOException {
        log.error("InfluxDB refused {} replayed batches for good ({}); keeping them in {}", replay.payloads().size(),
                cause.getMessage(), deadLetters);
        Files.createDirectories(deadLetters.getParent());
        StringBuilder lines = new StringBuilder();
        replay.payloads().forEach(p -> ReadingCodec.decode(p).forEach(r -> lines.append(r).append('\n')));
        Files.writeString(deadLetters, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    private static List<Reading> concat(List<Pending> group) {
        if (group.size() == 1) {
            return group.get(0).readings();
        }
        List<Reading> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.readings()));
        return all;
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

    /** Stops taking work; batches still queued are spooled so that nothing acknowledged is lost. */
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
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            appendToSpool(left);
        }
        spool.close();
    }
}
