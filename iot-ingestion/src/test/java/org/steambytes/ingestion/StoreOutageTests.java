package org.steambytes.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.ingestion.storage.ReadingPipeline;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.StoreProxies;

/** InfluxDB or Redis taken away from a running iot-ingestion under load, through TCP proxies to the real servers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreOutageTests {

    private static final StoreProxies STORES = StoreProxies.start();

    @DynamicPropertySource
    static void storesThroughProxies(DynamicPropertyRegistry registry) {
        STORES.register(registry);
        registry.add("steambytes.ingestion.spool.directory", () -> "target/spool-outage-" + UUID.randomUUID());
        registry.add("steambytes.ingestion.influx-write-timeout", () -> "2s");
        registry.add("steambytes.ingestion.metadata-ttl", () -> "1s");
    }

    @LocalServerPort
    int port;
    @Autowired
    InfluxReadingStore influx;
    @Autowired
    ReadingPipeline pipeline;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void keepsEveryAcceptedReadingExactlyOnceWhenInfluxDbStopsMidLoad() throws Exception {
        SiteFixture site = Fixtures.boilerHouse();
        Set<Long> accepted;
        try (GatewayLoad load = new GatewayLoad(port, site.gatewayToken(), "b1-steam-pressure", 4, 100)) {
            Thread.sleep(1_500);
            STORES.influx.stop();
            // InfluxDB is gone: the shipper's next write fails and batches wait in the spool.
            await().atMost(Duration.ofSeconds(15)).until(() -> !pipeline.isInfluxAvailable());
            Thread.sleep(1_000);
            int acceptedWhileDown = load.acceptedTimestamps().size();
            Thread.sleep(1_000);
            assertThat(load.acceptedTimestamps().size()).as("still accepting while InfluxDB is down")
                    .isGreaterThan(acceptedWhileDown);
            STORES.influx.start();
            Thread.sleep(1_500);
            long closing = System.nanoTime();
            load.close();
            System.out.println("load: " + load.summary() + "; stopping took "
                    + (System.nanoTime() - closing) / 1_000_000 + " ms");
            accepted = load.acceptedTimestamps();
        }
        long waiting = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).until(pipeline::isCaughtUp);
        System.out.println("caught up after " + (System.nanoTime() - waiting) / 1_000_000 + " ms");

        long querying = System.nanoTime();
        var stored = influx.findReadings(site.siteId(), "b1-steam-pressure", Instant.EPOCH, Instant.now().plusSeconds(60));
        Set<Long> storedTimestamps = stored.stream().map(r -> r.timestamp().toEpochMilli()).collect(Collectors.toSet());
        System.out.println("read " + stored.size() + " points in " + (System.nanoTime() - querying) / 1_000_000 + " ms");
        assertThat(accepted).hasSizeGreaterThan(1_000);
        assertThat(stored).as("each point once").hasSize(storedTimestamps.size());
        assertThat(missing(accepted, storedTimestamps)).as("readings that got a 202 but are not in InfluxDB").isEmpty();
    }

    @Test
    void keepsAcceptingForKnownGatewaysAndSensorsWhilePostgresIsDown() throws Exception {
        SiteFixture site = Fixtures.boilerHouse();
        ServiceClient client = new ServiceClient(port);
        String body = "{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": %s}]}";
        assertThat(client.post("/api/v1/readings", "Bearer " + site.gatewayToken(), "application/json",
                body.formatted("3.0")).status()).isEqualTo(202); // gateway and sensors now cached
        STORES.postgres.stop();
        try {
            Thread.sleep(1_500); // past the 1 s metadata TTL: the cache must re-read, fail, and keep its values
            ServiceClient.Answer answer = client.post("/api/v1/readings", "Bearer " + site.gatewayToken(),
                    "application/json", body.formatted("3.5"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            ServiceClient.Answer stranger = client.post("/api/v1/readings", "Bearer gw_never-seen-before",
                    "application/json", body.formatted("1.0"));
            assertThat(stranger.status()).as("an unknown token cannot be checked: retry later").isEqualTo(503);
            assertThat(stranger.contentType()).startsWith("application/problem+json");
        } finally {
            STORES.postgres.start();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                influx.findReadings(site.siteId(), "b1-o2", Instant.EPOCH, Instant.now().plusSeconds(60)))
                .extracting(Reading::value).containsExactlyInAnyOrder(3.0, 3.5));
    }

    /** A set difference: AssertJ's containsAll compares element by element, O(n²) for ~100k readings. */
    static Set<Long> missing(Set<Long> accepted, Set<Long> stored) {
        Set<Long> missing = new java.util.HashSet<>(accepted);
        missing.removeAll(stored);
        return missing;
    }

    @Test
    void acceptsWithRedisDownAndRefillsCachesAndStreamWhenItReturns() {
        SiteFixture site = Fixtures.boilerHouse();
        ServiceClient client = new ServiceClient(port);
        STORES.redis.stop();
        String body = "{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 3.3, \"timestamp\": \""
                + Instant.now().minusSeconds(2) + "\"}]}";
        try {
            ServiceClient.Answer answer = client.post("/api/v1/readings", "Bearer " + site.gatewayToken(),
                    "application/json", body);
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    influx.findReadings(site.siteId(), "b1-o2", Instant.EPOCH, Instant.now().plusSeconds(60)))
                    .extracting(Reading::value).containsExactly(3.3));
        } finally {
            STORES.redis.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat((String) redis.opsForHash().get(RedisKeys.latest(site.siteId(), "flue_gas_o2"), "b1-o2"))
                    .contains("\"value\":3.3");
            assertThat(redis.opsForStream().range(RedisKeys.READINGS_STREAM, Range.unbounded()))
                    .anySatisfy(entry -> assertThat(entry.getValue()).containsEntry("site_id", site.siteId()));
        });
    }
}
