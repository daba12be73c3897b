package org.steambytes.api.latest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/**
 * The latest values from iot-ingestion's snapshot of the site ({@code iot_ingestion:dashboard:{<site_id>}}),
 * written here by iot-ingestion's own script on the real Redis: the same answer as from its latest hashes, a
 * type whose hash has expired left out as the hashes leave it, an unreadable snapshot passed over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LatestSnapshotApiTests {

    /** iot-ingestion's script, the one writer of the hashes and the snapshot (contract in docs/API.md "Redis"). */
    private static final Path UPDATE_LATEST = Path.of("../iot-ingestion/src/main/resources/live/update_latest.lua");
    private static final List<String> TYPES = List.of("steam_pressure", "flue_gas_temperature", "flue_gas_o2");

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    private SiteFixture site;
    private String reader;
    private final Instant fresh = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(20);
    private final Instant old = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(400);

    @BeforeEach
    void siteWithValuesWrittenAsIngestionWritesThem() throws IOException {
        site = Fixtures.boilerHouse();
        reader = Fixtures.apiKey("reader", false, site.siteId());
        ingest(List.of(
                value(1, "b1-steam-pressure", 10.4, "bar", old), // older first: the newer one below wins
                value(3, "b1-o2", 3.1, "%", old)));
        ingest(List.of(value(1, "b1-steam-pressure", 11.25, "bar", fresh)));
        assertThat(redis.hasKey(RedisKeys.dashboard(site.siteId()))).isTrue();
    }

    @Test
    void theSnapshotAnswersExactlyAsTheHashesDo() {
        Answer fromSnapshot = latest();
        redis.delete(RedisKeys.dashboard(site.siteId()));
        Answer fromHashes = latest();

        assertThat(fromSnapshot.status()).as(fromSnapshot.body()).isEqualTo(200);
        assertThat(fromSnapshot.body()).isEqualTo(fromHashes.body());
        assertThat(reading(fromSnapshot, "b1-steam-pressure").path("value").asDouble()).isEqualTo(11.25);
        assertThat(reading(fromSnapshot, "b1-o2").path("value").asDouble()).isEqualTo(3.1);
        assertThat(reading(fromSnapshot, "b1-o2").path("stale").asBoolean()).isTrue();
        assertThat(reading(fromSnapshot, "b1-flue-gas-temp").path("value").isNull()).isTrue();
    }

    @Test
    void theSnapshotIsWhatIsRead() {
        String snapshot = redis.opsForValue().get(RedisKeys.dashboard(site.siteId()));
        redis.opsForValue().set(RedisKeys.dashboard(site.siteId()), snapshot.replace("11.25", "12.5"));

        assertThat(reading(latest(), "b1-steam-pressure").path("value").asDouble()).isEqualTo(12.5);
    }

    @Test
    void aTypeWhoseHashHasExpiredIsLeftOutAsTheHashesLeaveIt() {
        redis.delete(RedisKeys.latest(site.siteId(), "flue_gas_o2")); // as its 5-min TTL would
        assertThat(redis.opsForValue().get(RedisKeys.dashboard(site.siteId()))).contains("b1-o2");

        Answer answer = latest();

        assertThat(reading(answer, "b1-o2").path("value").isNull()).as(answer.body()).isTrue();
        assertThat(reading(answer, "b1-o2").path("stale").asBoolean()).isTrue();
        assertThat(reading(answer, "b1-steam-pressure").path("value").asDouble()).isEqualTo(11.25);
    }

    @Test
    void anUnreadableSnapshotIsPassedOverForTheHashes() {
        redis.opsForValue().set(RedisKeys.dashboard(site.siteId()), "{\"site_id\":\"" + site.siteId() + "\",\"readings\":{");

        Answer answer = latest();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(reading(answer, "b1-steam-pressure").path("value").asDouble()).isEqualTo(11.25);
        assertThat(reading(answer, "b1-o2").path("value").asDouble()).isEqualTo(3.1);
    }

    private Answer latest() {
        return new ServiceClient(port).send("GET", "/api/v1/sites/" + site.siteId() + "/latest", null, "X-API-Key", reader);
    }

    private record Value(int typeKey, String sensorId, String json) {
    }

    private static Value value(int type, String sensorId, double value, String unit, Instant ts) {
        return new Value(type, sensorId, "{\"value\":" + value + ",\"unit\":\"" + unit + "\",\"ts\":\"" + ts + "\",\"ts_ms\":"
                + ts.toEpochMilli() + ",\"sensor_type\":\"" + TYPES.get(type - 1) + "\"}");
    }

    /** One batch through iot-ingestion's script: KEYS the snapshot and the type hashes, ARGV TTLs, site, triples. */
    private void ingest(List<Value> values) throws IOException {
        List<String> keys = new ArrayList<>();
        keys.add(RedisKeys.dashboard(site.siteId()));
        TYPES.forEach(type -> keys.add(RedisKeys.latest(site.siteId(), type)));
        List<String> args = new ArrayList<>(List.of(Long.toString(RedisKeys.LATEST_TTL.toSeconds()),
                Long.toString(RedisKeys.DASHBOARD_TTL.toSeconds()), site.siteId()));
        for (Value value : values) {
            args.addAll(List.of(Integer.toString(value.typeKey() + 1), value.sensorId(), value.json()));
        }
        redis.execute(RedisScript.of(Files.readString(UPDATE_LATEST), Long.class), keys, args.toArray());
    }

    private static JsonNode reading(Answer answer, String sensorId) {
        for (JsonNode reading : answer.json().path("readings")) {
            if (reading.path("sensor_id").asString().equals(sensorId)) {
                return reading;
            }
        }
        throw new AssertionError(sensorId + " missing in " + answer.body());
    }
}
