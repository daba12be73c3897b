package org.steambytes.api.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.util.backoff.FixedBackOff;
import org.steambytes.testsupport.RealStores;

/**
 * The changes channel through a relay to the real Redis that the test freezes and cuts: an in-memory
 * cache stops serving from memory within 500 ms of the channel going quiet, and after Redis is back it
 * has forgotten what it held, since a change published meanwhile never reached it.
 */
class ChangeBusOutageTests {

    private RedisProxy proxy;
    private LettuceConnectionFactory connections;
    private RedisMessageListenerContainer container;
    private ChangeBus bus;

    @AfterEach
    void stop() throws Exception {
        if (bus != null) {
            bus.stop();
        }
        if (container != null) {
            container.destroy();
        }
        if (connections != null) {
            connections.destroy();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aCacheLoadsAfreshWithinHalfASecondOfItsChannelGoingQuietAndForgetsWhatItHeldWhenItIsBack() throws Exception {
        startBusThroughProxy();
        AtomicReference<String> stored = new AtomicReference<>("as first stored");
        LocalCache<String, String> cache = bus.cache(Duration.ofMinutes(10), Change::aboutCallers);
        assertThat(cache.get("key", k -> stored.get())).isEqualTo("as first stored");
        stored.set("changed, unheard");
        assertThat(cache.get("key", k -> stored.get())).as("remembered while the channel works").isEqualTo("as first stored");

        proxy.freeze(); // a partition: connections stay open, nothing arrives
        long frozenAt = System.nanoTime();
        waitFor(() -> cache.get("key", k -> stored.get()).equals("changed, unheard"), Duration.ofSeconds(3));
        assertThat(Duration.ofNanos(System.nanoTime() - frozenAt)).as("loaded afresh").isLessThan(Duration.ofSeconds(1));
        assertThat(bus.healthy()).isFalse();

        // Redis comes back: the connections are new, the change published meanwhile is lost for good.
        proxy.cut();
        proxy.resume();
        waitFor(bus::healthy, Duration.ofSeconds(20));
        assertThat(cache.get("key", k -> stored.get())).as("nothing from before the outage is served")
                .isEqualTo("changed, unheard");
        stored.set("changed again, unheard");
        assertThat(cache.get("key", k -> stored.get())).as("remembering again").isEqualTo("changed, unheard");
    }

    @Test
    void aChangePublishedOnOneBusIsHeardOnAnotherAndOnItselfAtOnce() throws Exception {
        startBusThroughProxy();
        ChangeBus second = new ChangeBus(new StringRedisTemplate(connections), bus.channel());
        container.addMessageListener(second, new ChannelTopic(bus.channel()));
        AtomicReference<String> stored = new AtomicReference<>("v1");
        LocalCache<String, String> here = bus.cache(Duration.ofMinutes(10), Change::aboutSites);
        LocalCache<String, String> there = second.cache(Duration.ofMinutes(10), Change::aboutSites);
        second.start();
        waitFor(second::healthy, Duration.ofSeconds(5));
        assertThat(here.get("site", k -> stored.get())).isEqualTo("v1");
        assertThat(there.get("site", k -> stored.get())).isEqualTo("v1");
        stored.set("v2");
        assertThat(there.get("site", k -> stored.get())).as("remembered").isEqualTo("v1");

        bus.publish(Change.callers());
        assertThat(here.get("site", k -> stored.get())).as("a change it does not depend on").isEqualTo("v1");
        bus.publish(Change.site("plant-a"));
        assertThat(here.get("site", k -> stored.get())).as("the publishing bus, at once").isEqualTo("v2");
        waitFor(() -> there.get("site", k -> stored.get()).equals("v2"), Duration.ofSeconds(1));
        second.stop();
    }

    @Test
    void aChangeRedisRefusedIsSentAgainOnceItAnswersSoAReplicaThatKeptItsConnectionHearsIt() throws Exception {
        startBusThroughProxy();
        LettuceConnectionFactory direct = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
                RealStores.redisUri().getHost(), RealStores.redisUri().getPort()));
        direct.afterPropertiesSet();
        direct.start();
        RedisMessageListenerContainer directListener = new RedisMessageListenerContainer();
        directListener.setConnectionFactory(direct);
        ChangeBus other = new ChangeBus(new StringRedisTemplate(direct), bus.channel());
        directListener.addMessageListener(other, new ChannelTopic(bus.channel()));
        directListener.afterPropertiesSet();
        directListener.start();
        other.start();
        try {
            waitFor(other::healthy, Duration.ofSeconds(5));
            AtomicReference<String> stored = new AtomicReference<>("v1");
            LocalCache<String, String> there = other.cache(Duration.ofMinutes(10), Change::aboutCallers);
            assertThat(there.get("key", k -> stored.get())).isEqualTo("v1");
            stored.set("revoked");

            proxy.cut(); // only this replica loses Redis
            bus.publish(Change.callers()); // refused (after the command timeout)
            assertThat(there.get("key", k -> stored.get())).as("not heard yet, and the other replica is healthy")
                    .isEqualTo("v1");
            assertThat(other.healthy()).isTrue();

            proxy.resume();
            waitFor(() -> there.get("key", k -> stored.get()).equals("revoked"), Duration.ofSeconds(20));
        } finally {
            other.stop();
            directListener.destroy();
            direct.destroy();
        }
    }

    private void startBusThroughProxy() throws Exception {
        proxy = new RedisProxy(RealStores.redisUri().getHost(), RealStores.redisUri().getPort());
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", proxy.port()),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
        connections.afterPropertiesSet();
        connections.start();
        bus = new ChangeBus(new StringRedisTemplate(connections), "frontend_api:test-" + UUID.randomUUID() + ":changes");
        container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(bus, new ChannelTopic(bus.channel()));
        container.setRecoveryBackoff(new FixedBackOff(200, FixedBackOff.UNLIMITED_ATTEMPTS));
        container.afterPropertiesSet();
        container.start();
        bus.start();
        waitFor(bus::healthy, Duration.ofSeconds(5));
    }

    private static void waitFor(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + atMost).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
