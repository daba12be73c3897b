package org.steambytes.api.change;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Keeps the {@link ChangeBus} subscribed to its channel. Spring's listener container refuses to start
 * while Redis is unreachable (and would stop the application with it), but frontend-api must start
 * and answer without Redis: so the container is started here, and started again every second until
 * it runs; once running it resubscribes by itself after Redis comes back.
 */
final class ChangeSubscription implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeSubscription.class);

    private final RedisConnectionFactory connections;
    private final ChangeBus bus;
    private volatile ScheduledExecutorService keeper;
    private volatile RedisMessageListenerContainer container;

    ChangeSubscription(RedisConnectionFactory connections, ChangeBus bus) {
        this.connections = connections;
        this.bus = bus;
    }

    private void keepListening() {
        RedisMessageListenerContainer running = container;
        if (running != null && running.isRunning()) {
            return;
        }
        container = null;
        destroy(running);
        RedisMessageListenerContainer fresh = new RedisMessageListenerContainer();
        fresh.setConnectionFactory(connections);
        fresh.addMessageListener(bus, new ChannelTopic(bus.channel()));
        fresh.setRecoveryBackoff(new FixedBackOff(500, FixedBackOff.UNLIMITED_ATTEMPTS));
        try {
            fresh.afterPropertiesSet();
            fresh.start();
            container = fresh;
        } catch (RuntimeException e) {
            destroy(fresh);
            log.debug("Not subscribed to {} yet: {}", bus.channel(), e.getMessage());
        }
    }

    private static void destroy(RedisMessageListenerContainer listening) {
        if (listening == null) {
            return;
        }
        try {
            listening.destroy();
        } catch (Exception e) {
            log.debug("Listener container not destroyed cleanly: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "change-bus-subscription");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::keepListening, 0, 1, TimeUnit.SECONDS);
        keeper = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = keeper;
        keeper = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RedisMessageListenerContainer listening = container;
        container = null;
        destroy(listening);
    }

    @Override
    public boolean isRunning() {
        return keeper != null;
    }
}
