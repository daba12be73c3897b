package org.steambytes.alerting.worker;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A daemon thread that lives with the application context: {@link #work()} runs from start until
 * stop, which waits for it to finish its current round.
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
    public void start() {
        running = true;
        thread = new Thread(this::work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
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
}
