package org.steambytes.ingestion.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.ingestion.storage.ReadingPipeline;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.TestSecrets;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/readings over real HTTP against real PostgreSQL, InfluxDB and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.ingestion.metadata-ttl=2s")
public class ReadingsApiTests {

    private static final String JSON = "application/json";

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.ingestion.spool.directory", () -> "target/spool-api-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    InfluxReadingStore influx;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ReadingPipeline pipeline;

    private SiteFixture site;
    private ServiceClient client;

    @BeforeEach
    void newSite() {
        site = Fixtures.boilerHouse();
        client = new ServiceClient(port);
    }

    @Test
    void acceptsABatchAndStoresEveryReadingInInfluxDb() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        Answer answer = post(site.gatewayToken(), """
                {"site_id": "%s", "readings": [
                  {"sensor_id": "b1-steam-pressure", "value": 10.4, "timestamp": "%s"},
                  {"sensor_id": "b1-steam-pressure", "value": 10.5, "timestamp": %d},
                  {"sensor_id": "b1-flue-gas-temp", "value": 182.5, "timestamp": "%s"}]}
                """.formatted(site.siteId(), t, t.plusMillis(1).toEpochMilli(),
                t.atOffset(java.time.ZoneOffset.ofHours(1))));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(UUID.fromString(answer.json().path("batch_id").asString())).isNotNull();
        assertThat(stored("b1-steam-pressure")).containsExactly(
                new Reading(site.siteId(), "b1-steam-pressure", "steam_pressure", 10.4, t),
                new Reading(site.siteId(), "b1-steam-pressure", "steam_pressure", 10.5, t.plusMillis(1)));
        assertThat(stored("b1-flue-gas-temp")).extracting(Reading::value, Reading::timestamp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(182.5, t));
    }

    @Test
    void takesTheTokensSiteAndTheServerClockWhenLeftOut() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Answer answer = post(site.gatewayToken(), "{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 3}]}");
        Instant after = Instant.now();

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        List<Reading> stored = stored("b1-o2");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).timestamp()).isBetween(before, after);
        assertThat(stored.get(0).value()).isEqualTo(3.0);
    }

    @Test
    void storesEachPointOnceWhenTheSameBatchIsSentTwice() {
        String batch = batchOf(50, Instant.now().minusSeconds(600));
        assertThat(post(site.gatewayToken(), batch).status()).isEqualTo(202);
        assertThat(post(site.gatewayToken(), batch).status()).isEqualTo(202);

        assertThat(stored("b1-steam-pressure")).hasSize(50);
    }

    @Test
    void refusesUnreadableBodiesNamingTheField() {
        assertUnreadable("{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": NaN}]}", "body");
        assertUnreadable("{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": Infinity}]}", "body");
        assertUnreadable("{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 1}, "
                + "{\"sensor_id\": \"b1-o2\", \"value\": \"high\"}]}", "readings[1].value");
        assertUnreadable("{\"readings\": [{\"value\": 1}]}", "readings[0].sensor_id");
        assertUnreadable("{\"readings\": [{\"sensor_id\": \"b1-o2\"}]}", "readings[0].value");
        assertUnreadable("{\"site_id\": \"x\"}", "readings");
        assertUnreadable("{\"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 1, \"timestamp\": \"yesterday\"}]}",
                "readings[0].timestamp");
        assertUnreadable("{\"readings\": [", "body");
        assertUnreadable("[]", "body");
        assertThat(stored("b1-o2")).isEmpty();
    }

    @Test
    void refusesInvalidReadingsListingEveryOneAndStoringNothing() {
        Instant now = Instant.now();
        Answer answer = post(site.gatewayToken(), """
                {"readings": [
                  {"sensor_id": "b1-steam-pressure", "value": 10.0},
                  {"sensor_id": "b9-unknown", "value": 1.0},
                  {"sensor_id": "b1-steam-pressure", "value": 1e999},
                  {"sensor_id": "b1-o2", "value": 22.5},
                  {"sensor_id": "b1-o2", "value": 3.0, "timestamp": "%s"},
                  {"sensor_id": "b1-o2", "value": 3.0, "timestamp": "%s"}]}
                """.formatted(now.plus(Duration.ofMinutes(6)), now.minus(Duration.ofDays(31))));

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("invalid_readings");
        JsonNode errors = answer.json().path("errors");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(errors.get(0).path("field").asString()).isEqualTo("readings[1].sensor_id");
        assertThat(errors.get(1).path("field").asString()).isEqualTo("readings[2].value");
        assertThat(errors.get(1).path("message").asString()).contains("finite");
        assertThat(errors.get(2).path("field").asString()).isEqualTo("readings[3].value");
        assertThat(errors.get(2).path("message").asString()).contains("valid range [0, 21]");
        assertThat(errors.get(3).path("field").asString()).isEqualTo("readings[4].timestamp");
        assertThat(errors.get(3).path("message").asString()).contains("ahead");
        assertThat(errors.get(4).path("field").asString()).isEqualTo("readings[5].timestamp");
        assertThat(errors.get(4).path("message").asString()).contains("retention");
        assertThat(stored("b1-steam-pressure")).isEmpty();
        assertThat(stored("b1-o2")).isEmpty();
    }

    @Test
    void refusesMissingUnknownAndRevokedTokens() {
        String batch = batchOf(1, Instant.now());
        Answer none = client.post("/api/v1/readings", null, JSON, batch);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");

        Answer unknown = post("gw_not-a-real-token", batch);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail").asString()).contains("Unknown or revoked");

        assertThat(post(site.gatewayToken(), batch).status()).isEqualTo(202);
        Fixtures.revokeGateway(site.gatewayId());
        // metadata-ttl is 2 s here (default 30 s): the revocation must bite within it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(post(site.gatewayToken(), batch).status()).isEqualTo(401));
    }

    @Test
    void refusesReadingsForAnotherSite() {
        SiteFixture other = Fixtures.boilerHouse();
        Answer answer = post(site.gatewayToken(),
                "{\"site_id\": \"" + other.siteId() + "\", \"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 3}]}");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("code").asString()).isEqualTo("foreign_site");
        await().atMost(Duration.ofSeconds(20)).until(pipeline::isCaughtUp);
        assertThat(influx.findReadings(other.siteId(), "b1-o2", Instant.EPOCH, Instant.now().plusSeconds(600))).isEmpty();
    }

    @Test
    void refusesBatchesOverTheReadingAndByteLimits() {
        Answer tooMany = post(site.gatewayToken(), batchOf(5001, Instant.now().minusSeconds(7200)));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().path("code").asString()).isEqualTo("too_many_readings");

        String padding = "x".repeat(1024 * 1024);
        Answer tooBig = post(site.gatewayToken(),
                "{\"padding\": \"" + padding + "\", \"readings\": [{\"sensor_id\": \"b1-o2\", \"value\": 3}]}");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().path("code").asString()).isEqualTo("body_too_large");

        assertThat(post(site.gatewayToken(), batchOf(5000, Instant.now().minusSeconds(3600))).status()).isEqualTo(202);
        assertThat(stored("b1-flue-gas-temp")).as("only the accepted batch of 5000").hasSize(5000);
        assertThat(stored("b1-o2")).isEmpty();
    }

    @Test
    void acceptsASensorAddedAfterTheSiteWasCached() {
        assertThat(post(site.gatewayToken(), batchOf(1, Instant.now())).status()).isEqualTo(202);
        Fixtures.addSensor(site.siteId(), new Fixtures.SensorFixture("b2-steam-pressure", "steam_pressure", "bar", -1, 250));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(post(site.gatewayToken(),
                "{\"readings\": [{\"sensor_id\": \"b2-steam-pressure\", \"value\": 9.5}]}").status()).isEqualTo(202));
    }

    @Test
    void refreshesLatestValuesDashboardAndStreamInRedis() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
        post(site.gatewayToken(), """
                {"readings": [{"sensor_id": "b1-steam-pressure", "value": 10.1, "timestamp": "%s"},
                              {"sensor_id": "b1-steam-pressure", "value": 10.2, "timestamp": "%s"}]}
                """.formatted(t, t.plusSeconds(1)));
        // An older reading arriving later must not replace the latest value.
        post(site.gatewayToken(), """
                {"readings": [{"sensor_id": "b1-steam-pressure", "value": 9.0, "timestamp": "%s"}]}
                """.formatted(t.minusSeconds(60)));

        String latestKey = RedisKeys.latest(site.siteId(), "steam_pressure");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat((String) redis.opsForHash().get(latestKey, "b1-steam-pressure"))
                        .isNotNull().contains("\"value\":10.2").contains("\"unit\":\"bar\"")
                        .contains("\"ts\":\"" + t.plusSeconds(1) + "\""));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(redis.getExpire(latestKey)).isBetween(1L, 300L));
        String dashboard = redis.opsForValue().get(RedisKeys.dashboard(site.siteId()));
        assertThat(dashboard).contains("\"site_id\":\"" + site.siteId() + "\"").contains("\"b1-steam-pressure\"");
        assertThat(redis.getExpire(RedisKeys.dashboard(site.siteId()))).isBetween(1L, 60L);

        var entries = redis.opsForStream().range(RedisKeys.READINGS_STREAM,
                org.springframework.data.domain.Range.unbounded());
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.getValue()).containsEntry("site_id", site.siteId()).containsEntry("count", "2");
            assertThat((String) entry.getValue().get("readings")).contains("\"value\":10.1");
        });
    }

    @Test
    void writesOneIngestionLogRowPerBatch() {
        post(site.gatewayToken(), batchOf(3, Instant.now().minusSeconds(30)));
        post(site.gatewayToken(), "{\"readings\": [{\"sensor_id\": \"nope\", \"value\": 1}]}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Fixtures.count("SELECT count(*) FROM ingestion_logs WHERE site_id = '" + site.siteId()
                    + "' AND accepted = 3 AND rejected = 0 AND gateway_id = '" + site.gatewayId() + "'")).isEqualTo(1);
            assertThat(Fixtures.count("SELECT count(*) FROM ingestion_logs WHERE site_id = '" + site.siteId()
                    + "' AND accepted = 0 AND rejected = 1 AND rejection_reasons::text LIKE '%unknown sensor%'"))
                    .isEqualTo(1);
        });
    }

    @Test
    void countsAcceptedAndRejectedReadingsInPrometheus() {
        post(site.gatewayToken(), batchOf(2, Instant.now()));
        Answer metrics = client.get("/actuator/prometheus", "Bearer " + TestSecrets.INTERNAL_TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("ingestion_readings_accepted_readings_total")
                .contains("ingestion_influx_write_seconds").contains("ingestion_spool_depth_batches")
                .contains("ingestion_coalesced_batch_size_readings");
    }

    private void assertUnreadable(String body, String field) {
        Answer answer = post(site.gatewayToken(), body);
        assertThat(answer.status()).as(body + " → " + answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").get(0).path("field").asString()).as(answer.body()).isEqualTo(field);
    }

    /** {@code count} readings one millisecond apart from {@code start} (pressure up to 100, else flue gas). */
    public static String batchOf(int count, Instant start) {
        String sensor = count <= 100 ? "b1-steam-pressure" : "b1-flue-gas-temp";
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"sensor_id\": \"" + sensor + "\", \"value\": " + (10 + i % 7) + ", \"timestamp\": "
                        + start.plusMillis(i).toEpochMilli() + "}")
                .collect(Collectors.joining(",", "{\"readings\": [", "]}"));
    }

    private Answer post(String token, String body) {
        return client.post("/api/v1/readings", "Bearer " + token, JSON, body);
    }

    /** What InfluxDB holds for the sensor once every batch journalled so far has been shipped. */
    private List<Reading> stored(String sensorId) {
        await().atMost(Duration.ofSeconds(20)).until(pipeline::isCaughtUp);
        return influx.findReadings(site.siteId(), sensorId, Instant.now().minus(Duration.ofDays(40)),
                Instant.now().plus(Duration.ofMinutes(10)));
    }
}
