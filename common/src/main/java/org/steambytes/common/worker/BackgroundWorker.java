package org.steambytes.common.worker;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A daemon thread that lives with its owner: {@link #work()} runs from {@link #start()} until
 * {@link #stop()}, which waits (up to {@code stopWait}) for it to finish its current round. Every
 * long-running loop of the services is one of these; as a Spring bean it starts and stops with the
 * application context, and an owner that is not a bean (the ingestion pipeline) starts and stops it
 * itself. {@link #pause} and {@link Backoff} are the one way such a loop waits after a failure.
 */
public abstract class BackgroundWorker implements SmartLifecycle {

    private final String name;
    private final Duration stopWait;
    private volatile boolean running;
    private Thread thread;

    protected BackgroundWorker(String name, Duration stopWait) {
        this.name = name;
        this.stopWait = stopWait;
    }

    /** Runs until {@link #running()} turns false. */
    protected abstract void work();

    /** Called on stop before waiting for the thread, to cut a wait short. */
    protected void stopping() {
    }

    protected final boolean running() {
        return running;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopping();
        if (thread != null) {
            try {
                thread.join(stopWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Below the web server's phases: workers start before it takes requests and stop after it has
     * stopped, so what the last requests handed over (log rows, stream entries) is still worked off.
     */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }

    /** Sleeps, unless interrupted (the interrupt is kept for the loop to see). */
    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits after failures: {@code first}, doubling each time up to {@code max}; a success starts over. */
    public static final class Backoff {

        private final Duration first;
        private final Duration max;
        private Duration next;

        public Backoff(Duration first, Duration max) {
            this.first = first;
            this.max = max;
            this.next = first;
        }

        /** Pauses for the current wait and doubles the next one. */
        public void pause() {
            BackgroundWorker.pause(next);
            Duration doubled = next.multipliedBy(2);
            next = doubled.compareTo(max) > 0 ? max : doubled;
        }

        public void reset() {
            next = first;
        }
    }
}
