package org.steambytes.ingestion.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.worker.BackgroundWorker;
import org.steambytes.ingestion.IngestionProperties;
import org.steambytes.ingestion.sensor.SiteSensors;

/**
 * Publishes durable batches to Redis off the request path: latest values and the dashboard snapshot
 * (one Lua call per site for all batches waiting) and one entry per batch on the readings stream,
 * pipelined. While Redis is
 * down, batches wait in a bounded backlog and go out in order when it returns (caches refill,
 * alert-service sees what it missed); past the bound the oldest are dropped, logged and counted.
 */
@Component
public class LiveReadings extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(LiveReadings.class);
    private static final int BATCHES_PER_PIPELINE = 512;

    private record Published(String siteId, UUID batchId, List<Reading> readings, SiteSensors sensors) {
    }

    private final StringRedisTemplate redis;
    private final LiveReadingsEncoder encoder;
    private final byte[] script;
    private final long streamMaxLength;
    private final int backlogLimit;
    private final Deque<Published> backlog = new ArrayDeque<>();
    private final Counter gapReadings;
    private int backlogReadings;
    private long lastGapLog;

    LiveReadings(StringRedisTemplate redis, IngestionProperties properties, MeterRegistry meters) {
        super("redis-publisher", Duration.ofSeconds(5));
        this.redis = redis;
        this.encoder = new LiveReadingsEncoder();
        this.streamMaxLength = properties.ingestion().stream().maxLength();
        this.backlogLimit = properties.ingestion().stream().backlogReadings();
        try {
            this.script = new ClassPathResource("live/update_latest.lua").getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.gapReadings = Counter.builder("ingestion.stream.gap").baseUnit("readings")
                .description("accepted readings never published to Redis (backlog overflow while Redis was down)")
                .register(meters);
        Gauge.builder("ingestion.stream.backlog", this, LiveReadings::backlogReadings).baseUnit("readings")
                .register(meters);
    }

    public void publish(String siteId, UUID batchId, List<Reading> readings, SiteSensors sensors) {
        synchronized (backlog) {
            backlog.addLast(new Published(siteId, batchId, readings, sensors));
            backlogReadings += readings.size();
            int dropped = 0;
            while (backlogReadings > backlogLimit && backlog.size() > 1) {
                Published oldest = backlog.removeFirst();
                backlogReadings -= oldest.readings().size();
                dropped += oldest.readings().size();
            }
            if (dropped > 0) {
                gapReadings.increment(dropped);
                long now = System.currentTimeMillis();
                if (now - lastGapLog > 10_000) {
                    lastGapLog = now;
                    log.warn("Redis unreachable and the stream backlog is full: {} accepted readings will not reach "
                            + "the readings stream (they are stored in InfluxDB); see ingestion_stream_gap_readings_total",
                            dropped);
                }
            }
            backlog.notifyAll();
        }
    }

    int backlogReadings() {
        synchronized (backlog) {
            return backlogReadings;
        }
    }

    @Override
    protected void work() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
        while (running()) {
            List<Published> next = new ArrayList<>();
            synchronized (backlog) {
                while (backlog.isEmpty() && running()) {
                    try {
                        backlog.wait(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                var it = backlog.iterator();
                while (it.hasNext() && next.size() < BATCHES_PER_PIPELINE) {
                    next.add(it.next());
                }
            }
            if (next.isEmpty()) {
                continue;
            }
            try {
                redis.executePipelined((RedisCallback<Object>) connection -> {
                    sendLatest(connection, next);
                    next.forEach(batch -> connection.streamCommands().xAdd(
                            LiveReadingsEncoder.streamEntry(batch.siteId(), batch.batchId(), batch.readings()),
                            XAddOptions.maxlen(streamMaxLength).approximateTrimming(true)));
                    return null;
                });
                synchronized (backlog) {
                    for (Published sent : next) {
                        if (backlog.peekFirst() == sent) { // not dropped meanwhile
                            backlog.removeFirst();
                            backlogReadings -= sent.readings().size();
                        }
                    }
                }
                backoff.reset();
            } catch (RuntimeException e) {
                log.debug("Redis publish failed, retrying: {}", e.getMessage());
                backoff.pause();
            }
        }
    }

    /** One Lua call per site for all batches taken together: under load that is one call for hundreds of batches. */
    private void sendLatest(RedisConnection connection, List<Published> batches) {
        Map<String, List<Reading>> bySite = new LinkedHashMap<>();
        Map<String, SiteSensors> sensors = new HashMap<>();
        for (Published batch : batches) {
            bySite.computeIfAbsent(batch.siteId(), k -> new ArrayList<>()).addAll(batch.readings());
            sensors.put(batch.siteId(), batch.sensors()); // the newest metadata seen
        }
        bySite.forEach((siteId, readings) -> {
            LiveReadingsEncoder.ScriptCall call = encoder.latestUpdate(siteId, readings, sensors.get(siteId));
            connection.scriptingCommands().eval(script, ReturnType.INTEGER, call.keyCount(), call.keysAndArgs());
        });
    }

    /** Gives what is waiting up to 5 s to reach Redis, then stops. */
    @Override
    public void stop() {
        long deadline = System.currentTimeMillis() + 5_000;
        while (isRunning() && backlogReadings() > 0 && System.currentTimeMillis() < deadline) {
            pause(Duration.ofMillis(50));
        }
        super.stop();
    }

    @Override
    protected void stopping() {
        synchronized (backlog) {
            backlog.notifyAll();
        }
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
