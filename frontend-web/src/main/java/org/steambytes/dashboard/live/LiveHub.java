package org.steambytes.dashboard.live;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.steambytes.dashboard.DashboardProperties;

/**
 * The browsers watching each site, and the pool that sends to them. Stops first on shutdown (highest
 * phase): closing the streams lets the web server's graceful shutdown finish at once instead of
 * waiting for streams that never end; browsers reconnect to another instance and replay.
 */
@Component
class LiveHub implements SmartLifecycle {

    private volatile boolean running;

    private final Map<String, Set<LiveSubscriber>> bySite = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private final int maxQueued;

    LiveHub(DashboardProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "live-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.maxQueued = properties.live().maxQueuedEvents();
    }

    /** A subscriber, registered at once (in replay mode: call {@link LiveSubscriber#live()} after replaying). */
    LiveSubscriber subscribe(String user, String siteId, StreamId after, SseEmitter emitter) {
        LiveSubscriber subscriber = new LiveSubscriber(user, siteId, after, emitter, senders, maxQueued);
        Set<LiveSubscriber> watchers = bySite.computeIfAbsent(siteId, site -> ConcurrentHashMap.newKeySet());
        subscriber.onClose(() -> bySite.computeIfPresent(siteId, (site, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        }));
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(subscriber::close);
        emitter.onError(error -> subscriber.close());
        watchers.add(subscriber);
        return subscriber;
    }

    boolean watched(String siteId) {
        return bySite.containsKey(siteId);
    }

    void dispatch(String siteId, LiveEvent event) {
        Set<LiveSubscriber> watchers = bySite.get(siteId);
        if (watchers != null) {
            watchers.forEach(subscriber -> subscriber.offer(event));
        }
    }

    List<LiveSubscriber> all() {
        List<LiveSubscriber> all = new ArrayList<>();
        bySite.values().forEach(all::addAll);
        return all;
    }

    int count() {
        return bySite.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Closes every stream; the senders stay, since a stopped context may be started again (Spring's
     * test context cache pauses and resumes contexts). They end with the bean.
     */
    @Override
    public void stop() {
        running = false;
        all().forEach(LiveSubscriber::close);
    }

    @PreDestroy
    void endSenders() {
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
