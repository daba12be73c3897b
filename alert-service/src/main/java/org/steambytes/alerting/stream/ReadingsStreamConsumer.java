package org.steambytes.alerting.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisStreamCommands;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.evaluation.SiteEvaluator;
import org.steambytes.common.worker.BackgroundWorker;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.common.worker.ReplicaName;

/**
 * Reads {@code iot_ingestion:readings} as one consumer of the group (so replicas share the entries and
 * each is evaluated once by the group) and acknowledges an entry only after its evaluation committed.
 * Entries a consumer left pending for longer than {@code claim-idle} (it crashed mid-batch) are claimed
 * and evaluated here; evaluating an entry twice changes nothing. The group is re-created whenever
 * Redis answers NOGROUP (Redis restarted or flushed).
 */
@Component
class ReadingsStreamConsumer extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(ReadingsStreamConsumer.class);
    private static final String STREAM = RedisKeys.READINGS_STREAM;
    /** Also while caught up, so the lag gauge stays current. */
    private static final Duration BACKLOG_CHECK_EVERY = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final SiteEvaluator evaluator;
    private final AlertingProperties.Stream settings;
    private final String consumer;
    static final int ATTEMPTS = 3;

    private final Map<String, Integer> failures = new java.util.HashMap<>();
    private final Counter entries;
    private final Counter transitions;
    private long lastClaimNanos;
    private long lastBacklogCheckNanos;
    private final StreamBacklog backlog;

    ReadingsStreamConsumer(StringRedisTemplate redis, SiteEvaluator evaluator, StreamBacklog backlog,
            AlertingProperties properties, MeterRegistry meters, Environment environment) {
        super("readings-stream-consumer", properties.stream().block().plusSeconds(5));
        this.redis = redis;
        this.backlog = backlog;
        this.evaluator = evaluator;
        this.settings = properties.stream();
        this.consumer = settings.consumer().isBlank() ? ReplicaName.consumer(environment.getProperty("server.port", "8084"))
                : settings.consumer();
        this.entries = Counter.builder("steambytes.alerting.stream.entries")
                .description("Readings stream entries evaluated and acknowledged").register(meters);
        this.transitions = Counter.builder("steambytes.alerting.transitions")
                .description("Alert transitions caused by readings").register(meters);
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
        // First, and after any failure: this consumer's own unacknowledged entries, oldest first, so a
        // failed entry is evaluated again before anything newer of its site.
        boolean ownPending = true;
        boolean behind = true;
        while (running()) {
            try {
                if (!groupReady) {
                    createGroup();
                    groupReady = true;
                }
                if (System.nanoTime() - lastClaimNanos > settings.claimIdle().toNanos() / 2) {
                    lastClaimNanos = System.nanoTime();
                    try {
                        claimAbandoned();
                    } catch (RuntimeException e) {
                        if (causeSays(e, "NOGROUP")) {
                            throw e;
                        }
                        log.warn("Claiming abandoned entries failed ({}); reading on", e.toString());
                    }
                }
                if (!ownPending && (behind || System.nanoTime() - lastBacklogCheckNanos > BACKLOG_CHECK_EVERY.toNanos())) {
                    checkBacklog();
                }
                List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                        Consumer.from(settings.group(), consumer),
                        StreamReadOptions.empty().count(settings.batch()).block(settings.block()),
                        StreamOffset.create(STREAM, ownPending ? ReadOffset.from("0") : ReadOffset.lastConsumed()));
                if (ownPending) {
                    ownPending = records != null && !records.isEmpty();
                } else {
                    // A full batch of new entries: more are waiting, and the trim may be catching up with the group.
                    behind = records != null && records.size() >= settings.batch();
                }
                process(records);
            } catch (RuntimeException e) {
                ownPending = true;
                behind = true;
                if (causeSays(e, "NOGROUP")) {
                    log.warn("Consumer group {} is gone (Redis restarted or flushed); re-creating it", settings.group());
                    groupReady = false;
                    continue;
                }
                if (running()) {
                    log.warn("Readings stream: {}; retrying in 1 s", e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void checkBacklog() {
        lastBacklogCheckNanos = System.nanoTime();
        try {
            backlog.check();
        } catch (RuntimeException e) {
            if (causeSays(e, "NOGROUP")) {
                throw e;
            }
            log.debug("Readings stream backlog not checked: {}", e.toString());
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

    /** Entries another consumer (or this one before a restart) took but never acknowledged. */
    private void claimAbandoned() {
        PendingMessages pending = redis.opsForStream().pending(STREAM, settings.group(), Range.unbounded(), 500);
        List<RecordId> abandoned = new ArrayList<>();
        for (PendingMessage message : pending) {
            if (message.getElapsedTimeSinceLastDelivery().compareTo(settings.claimIdle()) >= 0) {
                abandoned.add(message.getId());
            }
        }
        if (abandoned.isEmpty()) {
            return;
        }
        List<MapRecord<String, Object, Object>> claimed = redis.opsForStream().claim(STREAM, settings.group(), consumer,
                RedisStreamCommands.XClaimOptions.minIdle(settings.claimIdle()).ids(abandoned.toArray(RecordId[]::new)));
        log.info("Claimed {} abandoned stream entries", claimed.size());
        process(claimed);
    }

    private void process(List<MapRecord<String, Object, Object>> records) {
        if (records == null) {
            return;
        }
        for (MapRecord<String, Object, Object> record : records) {
            ReadingsStreamEntry entry = decode(record);
            if (entry != null) {
                try {
                    transitions.increment(evaluator.evaluate(entry.siteId(), record.getId().getValue(), entry.readings()));
                    failures.remove(record.getId().getValue());
                } catch (RuntimeException e) {
                    if (!giveUp(record.getId(), e)) {
                        throw e; // stays pending and is retried first
                    }
                }
            }
            redis.opsForStream().acknowledge(STREAM, settings.group(), record.getId());
            entries.increment();
        }
    }

    /**
     * A store being away is worth waiting for, however long. Any other failure that repeats for the same
     * entry (it cannot be evaluated) would wedge the consumer on it: after {@link #ATTEMPTS} the entry is
     * logged and acknowledged.
     */
    private boolean giveUp(RecordId id, RuntimeException e) {
        if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof RedisConnectionFailureException || e instanceof QueryTimeoutException) {
            return false;
        }
        int attempts = failures.merge(id.getValue(), 1, Integer::sum);
        if (failures.size() > 10_000) {
            failures.clear();
        }
        if (attempts < ATTEMPTS) {
            return false;
        }
        failures.remove(id.getValue());
        log.error("Stream entry {} failed {} times and is skipped: {}", id, attempts, e.toString(), e);
        return true;
    }

    /** Null for an entry that can never be evaluated (logged, then acknowledged). */
    private static ReadingsStreamEntry decode(MapRecord<String, Object, Object> record) {
        try {
            return ReadingsStreamEntry.decode(record.getValue());
        } catch (ReadingsStreamEntry.UnreadableEntryException e) {
            log.warn("Stream entry {} is not readable ({}); skipped", record.getId(), e.getMessage());
            return null;
        }
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
