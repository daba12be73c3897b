package org.steambytes.api.change;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The changes channel of all replicas. {@link #publish} tells this replica at once and the others
 * through Redis pub/sub. Every 100 ms the replica also publishes a heartbeat of its own; it counts the
 * channel as working ({@link #healthy()}) while it has heard its own heartbeat back within 500 ms.
 * A channel that was not working may have lost changes: on hearing the first heartbeat after such a
 * gap, every cache is told to forget everything before it serves again. Pub/sub delivers a message
 * to every subscriber within milliseconds, so a change reaches every healthy replica well within 1 s.
 */
public final class ChangeBus implements MessageListener, SmartLifecycle {

    /** Not a topic anyone publishes: what caches hear after the channel was down. */
    static final String EVERYTHING = "*";
    static final long HEARTBEAT_MILLIS = 100;
    static final long HEALTHY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final String BEAT = "beat:";
    private static final Logger log = LoggerFactory.getLogger(ChangeBus.class);

    private final StringRedisTemplate redis;
    private final String channel;
    private final String ownBeat = BEAT + UUID.randomUUID();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong epoch = new AtomicLong();
    /** Published here but not yet accepted by Redis; a set, since sending one topic twice changes nothing. */
    private final Set<String> unsent = ConcurrentHashMap.newKeySet();
    private volatile long lastBeatNanos;
    private volatile boolean heard;
    private volatile ScheduledExecutorService heartbeat;

    ChangeBus(StringRedisTemplate redis, String channel) {
        this.redis = redis;
        this.channel = channel;
    }

    String channel() {
        return channel;
    }

    /**
     * Tells this replica now and the others through Redis. If Redis refuses, the change is sent again
     * before every heartbeat until it goes out: a replica whose own connection works meanwhile must
     * still hear it (one whose connection fails too stops serving from memory within 500 ms).
     */
    public void publish(Change change) {
        deliver(change);
        try {
            redis.convertAndSend(channel, change.topic());
        } catch (RuntimeException e) {
            heard = false;
            unsent.add(change.topic());
            log.warn("Could not publish change {} ({}); retrying with every heartbeat", change.topic(), e.getMessage());
        }
    }

    /** On the heartbeat's thread: a topic taken off and not sent goes back for the next beat. */
    private void sendUnsent() {
        for (String topic : unsent) {
            if (!unsent.remove(topic)) {
                continue;
            }
            try {
                redis.convertAndSend(channel, topic);
            } catch (RuntimeException e) {
                unsent.add(topic);
                return;
            }
        }
    }

    /** Whether an in-memory cache may serve: this replica heard its own heartbeat within 500 ms. */
    public boolean healthy() {
        return heard && System.nanoTime() - lastBeatNanos < HEALTHY_NANOS;
    }

    /** Increases with every change heard: a value loaded while it moved may be stale and is not kept. */
    public long epoch() {
        return epoch.get();
    }

    /** A cache in this replica's memory that forgets everything on the changes {@code forgetsOn} accepts. */
    public <K, V> LocalCache<K, V> cache(Duration ttl, Predicate<Change> forgetsOn) {
        return new LocalCache<>(this, ttl, forgetsOn);
    }

    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        if (body.equals(ownBeat)) {
            if (!healthy()) {
                deliver(new Change(EVERYTHING)); // whatever was published while the channel was down is lost
            }
            lastBeatNanos = System.nanoTime();
            heard = true;
        } else if (!body.startsWith(BEAT)) {
            deliver(new Change(body));
        }
    }

    private void deliver(Change change) {
        epoch.incrementAndGet();
        for (Consumer<Change> listener : listeners) {
            listener.accept(change);
        }
    }

    private void beat() {
        sendUnsent();
        try {
            redis.convertAndSend(channel, ownBeat);
        } catch (RuntimeException e) {
            heard = false;
            log.debug("Heartbeat not published: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "change-bus-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::beat, 0, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
        heartbeat = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = heartbeat;
        heartbeat = null;
        heard = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return heartbeat != null;
    }
}
