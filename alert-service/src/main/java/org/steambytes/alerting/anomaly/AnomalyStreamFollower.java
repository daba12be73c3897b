package org.steambytes.alerting.anomaly;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AnomalyStreamEntry;
import org.steambytes.common.stream.ReadingsStreamEntry.UnreadableEntryException;
import org.steambytes.common.worker.BackgroundWorker;
import org.steambytes.common.worker.ReplicaName;

/**
 * Follows {@code ai_processor:anomalies} as one consumer of the group (default {@code alert-service}; one
 * consumer per replica, named {@code host:port}), created from the stream's start with MKSTREAM if missing,
 * so anomalies streamed before alert-service first ran are followed too. Delivery is at least once: each
 * entry is acted on in one transaction that records the anomaly as followed (a repeat does nothing) and
 * is acknowledged only after it committed. After a failure or a restart this consumer's own pending entries
 * come first; entries another consumer left pending longer than {@code claim-idle} are taken over with
 * XAUTOCLAIM (Redis 6.2+). Unreadable entries, and entries failing {@value #ATTEMPTS} times for a reason
 * other than a store being away, are logged and acknowledged so they never block the stream.
 */
@Component
class AnomalyStreamFollower extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(AnomalyStreamFollower.class);
    private static final String STREAM = RedisKeys.ANOMALIES_STREAM;
    static final int ATTEMPTS = 3;

    private final StringRedisTemplate redis;
    private final AnomalyAlerts anomalies;
    private final AlertingProperties.Analytics settings;
    private final String consumer;
    private final Map<String, Integer> failures = new HashMap<>();
    private final Counter followedEntries;
    private long lastClaimNanos;

    AnomalyStreamFollower(StringRedisTemplate redis, AnomalyAlerts anomalies, AlertingProperties properties,
            MeterRegistry meters, Environment environment) {
        super("anomaly-stream-follower", properties.analytics().block().plusSeconds(5));
        this.redis = redis;
        this.anomalies = anomalies;
        this.settings = properties.analytics();
        this.consumer = settings.consumer().isBlank() ? ReplicaName.consumer(environment.getProperty("server.port", "8084"))
                : settings.consumer();
        this.followedEntries = Counter.builder("steambytes.alerting.anomalies.entries")
                .description("Anomalies stream entries handled and acknowledged").register(meters);
    }


    String consumerName() {
        return consumer;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    @Override
    protected void work() {
        boolean groupReady = false;
        boolean ownPending = true;
        while (running()) {
            try {
                if (!groupReady) {
                    createGroup();
                    groupReady = true;
                }
                if (System.nanoTime() - lastClaimNanos > settings.claimIdle().toNanos() / 2) {
                    lastClaimNanos = System.nanoTime();
                    claimAbandoned();
                }
                List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                        Consumer.from(settings.group(), consumer),
                        StreamReadOptions.empty().count(settings.batch()).block(settings.block()),
                        StreamOffset.create(STREAM, ownPending ? ReadOffset.from("0") : ReadOffset.lastConsumed()));
                if (ownPending) {
                    ownPending = records != null && !records.isEmpty();
                }
                if (records != null) {
                    for (MapRecord<String, Object, Object> record : records) {
                        handle(record.getId().getValue(), record.getValue());
                    }
                }
            } catch (RuntimeException e) {
                ownPending = true;
                if (causeSays(e, "NOGROUP")) {
                    log.warn("Consumer group {} on {} is gone (Redis restarted or flushed); re-creating it",
                            settings.group(), STREAM);
                    groupReady = false;
                    continue;
                }
                if (running()) {
                    log.warn("Anomalies stream: {}; retrying in 1 s", e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void createGroup() {
        byte[] key = STREAM.getBytes(StandardCharsets.UTF_8);
        try {
            redis.execute((RedisCallback<String>) connection ->
                    connection.streamCommands().xGroupCreate(key, settings.group(), ReadOffset.from("0"), true));
            log.info("Created consumer group {} on {}", settings.group(), STREAM);
        } catch (RuntimeException e) {
            if (!causeSays(e, "BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Entries another consumer (one that died) took but never acknowledged, idle for {@code claim-idle}: XAUTOCLAIM. */
    private void claimAbandoned() {
        String start = "0-0";
        for (int round = 0; round < 100; round++) {
            ClaimedMessages<byte[], byte[]> claimed = autoClaim(start);
            if (claimed == null) {
                return;
            }
            if (!claimed.getMessages().isEmpty()) {
                log.info("Claimed {} abandoned anomalies stream entries", claimed.getMessages().size());
            }
            for (StreamMessage<byte[], byte[]> message : claimed.getMessages()) {
                handle(message.getId(), text(message.getBody()));
            }
            start = claimed.getId();
            if (start == null || "0-0".equals(start)) {
                return;
            }
        }
    }

    /** Spring Data Redis has no XAUTOCLAIM; Lettuce, its driver, has. */
    @SuppressWarnings("unchecked")
    private ClaimedMessages<byte[], byte[]> autoClaim(String start) {
        byte[] key = STREAM.getBytes(StandardCharsets.UTF_8);
        XAutoClaimArgs<byte[]> args = XAutoClaimArgs.Builder.<byte[]>xautoclaim(
                io.lettuce.core.Consumer.from(bytes(settings.group()), bytes(consumer)), settings.claimIdle(), start)
                .count(settings.batch());
        return redis.execute((RedisCallback<ClaimedMessages<byte[], byte[]>>) connection -> {
            RedisStreamAsyncCommands<byte[], byte[]> commands =
                    (RedisStreamAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
            try {
                return commands.xautoclaim(key, args).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new RedisConnectionFailureException("XAUTOCLAIM on " + STREAM + " failed", e);
            }
        });
    }

    /** Acts on one entry and acknowledges it; a failure worth retrying leaves it pending and is thrown. */
    private void handle(String id, Map<?, ?> fields) {
        AnomalyStreamEntry entry = decode(id, fields);
        if (entry != null) {
            try {
                anomalies.follow(entry);
                failures.remove(id);
            } catch (RuntimeException e) {
                if (!giveUp(id, e)) {
                    throw e;
                }
            }
        }
        redis.opsForStream().acknowledge(STREAM, settings.group(), id);
        followedEntries.increment();
    }

    private boolean giveUp(String id, RuntimeException e) {
        if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof RedisConnectionFailureException || e instanceof QueryTimeoutException) {
            return false;
        }
        int attempts = failures.merge(id, 1, Integer::sum);
        if (failures.size() > 10_000) {
            failures.clear();
        }
        if (attempts < ATTEMPTS) {
            return false;
        }
        failures.remove(id);
        log.error("Anomalies stream entry {} failed {} times and is skipped: {}", id, attempts, e.toString(), e);
        return true;
    }

    private static AnomalyStreamEntry decode(String id, Map<?, ?> fields) {
        try {
            return AnomalyStreamEntry.decode(fields);
        } catch (UnreadableEntryException e) {
            log.warn("Anomalies stream entry {} is not readable ({}); skipped", id, e.getMessage());
            return null;
        }
    }

    private static Map<String, String> text(Map<byte[], byte[]> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((field, value) -> fields.put(new String(field, StandardCharsets.UTF_8),
                    value == null ? null : new String(value, StandardCharsets.UTF_8)));
        }
        return fields;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean causeSays(Throwable e, String text) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }
}
