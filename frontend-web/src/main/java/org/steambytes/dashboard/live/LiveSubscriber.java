package org.steambytes.dashboard.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser watching one site. Events are queued and sent by a shared pool, one drain at a time
 * per subscriber, so a slow browser never holds up the stream reader or the other browsers; one
 * that falls {@code maxQueued} events behind is closed and catches up by reconnecting (its
 * Last-Event-ID replays from the stream). While its replay runs, live events are held back and
 * then sent only if newer than the replay's last, so nothing is sent twice or out of order; alert
 * changes carry no stream id and are always sent.
 */
final class LiveSubscriber {

    private final String user;
    private final String siteId;
    private final SseEmitter emitter;
    private final Executor senders;
    private final int maxQueued;
    private final ArrayDeque<LiveEvent> queue = new ArrayDeque<>();
    private final List<LiveEvent> held = new ArrayList<>();
    private StreamId lastQueued;
    private boolean replaying = true;
    private boolean draining;
    private volatile boolean closed;
    private Runnable onClose = () -> { };

    LiveSubscriber(String user, String siteId, StreamId after, SseEmitter emitter, Executor senders, int maxQueued) {
        this.user = user;
        this.siteId = siteId;
        this.lastQueued = after;
        this.emitter = emitter;
        this.senders = senders;
        this.maxQueued = maxQueued;
    }

    String user() {
        return user;
    }

    String siteId() {
        return siteId;
    }

    boolean closed() {
        return closed;
    }

    void onClose(Runnable action) {
        this.onClose = action;
    }

    /** A live event from the stream reader. */
    synchronized void offer(LiveEvent event) {
        if (replaying) {
            held.add(event);
        } else {
            enqueue(event);
        }
    }

    /** An event of the replay after a reconnect (oldest first). */
    synchronized void replay(LiveEvent event) {
        enqueue(event);
    }

    /** The replay is done: the live events that came meanwhile follow, the ones it already covered are dropped. */
    synchronized void live() {
        replaying = false;
        held.forEach(this::enqueue);
        held.clear();
    }

    /** A comment line: keeps proxies from closing an idle stream and finds browsers that left. */
    void heartbeat() {
        send(SseEmitter.event().comment("keep-alive"));
    }

    /** Tells the browser it may no longer watch this site, and closes the stream. */
    void revoke() {
        send(SseEmitter.event().name("revoked").data("{}", MediaType.APPLICATION_JSON));
        close();
    }

    void close() {
        if (!closed) {
            closed = true;
            try {
                emitter.complete();
            } catch (RuntimeException ignored) {
                // already completed by the container
            }
            onClose.run();
        }
    }

    private void enqueue(LiveEvent event) {
        if (closed || (event.id() != null && lastQueued != null && event.id().compareTo(lastQueued) <= 0)) {
            return;
        }
        if (queue.size() >= maxQueued) {
            close(); // it reconnects with its Last-Event-ID and replays from the stream
            return;
        }
        queue.add(event);
        if (event.id() != null) {
            lastQueued = event.id();
        }
        if (!draining) {
            draining = true;
            senders.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            LiveEvent next;
            synchronized (this) {
                next = queue.poll();
                if (next == null || closed) {
                    draining = false;
                    return;
                }
            }
            SseEmitter.SseEventBuilder event = SseEmitter.event();
            if (next.id() != null) {
                event.id(next.id().toString());
            }
            send(event.name(next.name()).data(next.json(), MediaType.APPLICATION_JSON));
        }
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (closed) {
            return;
        }
        try {
            synchronized (emitter) {
                emitter.send(event);
            }
        } catch (IOException | IllegalStateException e) {
            close(); // the browser went away
        }
    }
}
