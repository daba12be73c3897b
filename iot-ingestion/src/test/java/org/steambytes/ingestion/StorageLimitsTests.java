package org.steambytes.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.ingestion.reading.ReadingsApiTests;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.TestSecrets;
import org.steambytes.testsupport.StoreProxies;

/** The two bounds of an outage: a full spool answers 503 with Retry-After; a full Redis backlog becomes a counted gap. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorageLimitsTests {

    private static final StoreProxies STORES = StoreProxies.start();

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        STORES.register(registry);
        registry.add("steambytes.ingestion.spool.directory", () -> "target/spool-limits-" + UUID.randomUUID());
        registry.add("steambytes.ingestion.spool.max-size", () -> "64KB");
        registry.add("steambytes.ingestion.stream.backlog-readings", () -> "0");
        registry.add("steambytes.ingestion.influx-write-timeout", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Test
    void answers503WithRetryAfterOnlyOnceTheSpoolIsFull() {
        SiteFixture site = Fixtures.boilerHouse();
        ServiceClient client = new ServiceClient(port);
        STORES.influx.stop();
        ServiceClient.Answer answer;
        int accepted = 0;
        try {
            do {
                answer = client.post("/api/v1/readings", "Bearer " + site.gatewayToken(), "application/json",
                        ReadingsApiTests.batchOf(100, Instant.now().minusSeconds(3600).plusMillis(accepted * 100L)));
                if (answer.status() == 202) {
                    accepted++;
                }
            } while (answer.status() == 202 && accepted < 1_000);
            assertThat(accepted).as("the spool takes batches until it is full").isGreaterThan(3);
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asString()).isEqualTo("spool_full");
        } finally {
            STORES.influx.start();
        }
        // Once InfluxDB answers, the spool drains and batches are accepted again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.post("/api/v1/readings",
                "Bearer " + site.gatewayToken(), "application/json",
                ReadingsApiTests.batchOf(1, Instant.now())).status()).isEqualTo(202));
    }

    @Test
    void countsReadingsThatCouldNotWaitForRedis() {
        SiteFixture site = Fixtures.boilerHouse();
        ServiceClient client = new ServiceClient(port);
        STORES.redis.stop();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(client.post("/api/v1/readings", "Bearer " + site.gatewayToken(), "application/json",
                        ReadingsApiTests.batchOf(10, Instant.now().minusSeconds(60 - i))).status()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = client.get("/actuator/prometheus", "Bearer " + TestSecrets.INTERNAL_TOKEN).body();
                assertThat(metrics).containsPattern("ingestion_stream_gap_readings_total [1-9]");
            });
        } finally {
            STORES.redis.start();
        }
    }
}
