package org.steambytes.api.latest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/** Latest values from the real Redis (as iot-ingestion writes them) and the ingestion log from PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LatestAndLogsApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void answersEverySensorWithItsLatestValueAndAStaleFlag() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        Instant fresh = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(20);
        Instant old = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        redis.opsForHash().put(RedisKeys.latest(site.siteId(), "steam_pressure"), "b1-steam-pressure",
                latestJson(10.4, "bar", fresh, "steam_pressure"));
        redis.opsForHash().put(RedisKeys.latest(site.siteId(), "flue_gas_o2"), "b1-o2",
                latestJson(3.1, "%", old, "flue_gas_o2"));

        Answer answer = new ServiceClient(port).send("GET", "/api/v1/sites/" + site.siteId() + "/latest", null,
                "X-API-Key", reader);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("site_id").asString()).isEqualTo(site.siteId());
        JsonNode pressure = reading(answer, "b1-steam-pressure");
        assertThat(pressure.path("value").asDouble()).isEqualTo(10.4);
        assertThat(pressure.path("unit").asString()).isEqualTo("bar");
        assertThat(Instant.parse(pressure.path("timestamp").asString())).isEqualTo(fresh);
        assertThat(pressure.path("stale").asBoolean()).isFalse();
        JsonNode o2 = reading(answer, "b1-o2");
        assertThat(o2.path("value").asDouble()).isEqualTo(3.1);
        assertThat(o2.path("stale").asBoolean()).as("10 min old, expected every 10 s: stale after 5 min").isTrue();
        JsonNode flue = reading(answer, "b1-flue-gas-temp");
        assertThat(flue.path("value").isNull()).isTrue();
        assertThat(flue.path("stale").asBoolean()).isTrue();
    }

    @Test
    void pagesTheIngestionLogNewestFirstWithinTheKeysScope() {
        SiteFixture site = Fixtures.boilerHouse();
        SiteFixture other = Fixtures.boilerHouse();
        for (int minutesAgo : new int[] {30, 10, 20}) {
            Fixtures.execute("INSERT INTO ingestion_logs (batch_id, site_id, gateway_id, received_at, accepted, rejected,"
                    + " rejection_reasons, spooled, duration_ms) VALUES (gen_random_uuid(), '" + site.siteId() + "', '"
                    + site.gatewayId() + "', now() - interval '" + minutesAgo + " minutes', " + minutesAgo
                    + ", 0, '[]', false, 3)");
        }
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        ServiceClient client = new ServiceClient(port);

        Answer page = client.send("GET", "/api/v1/sites/" + site.siteId() + "/ingestion-logs?size=2", null,
                "X-API-Key", reader);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("content")).hasSize(2);
        assertThat(page.json().path("content").get(0).path("accepted").asInt()).isEqualTo(10);
        assertThat(page.json().path("content").get(1).path("accepted").asInt()).isEqualTo(20);
        assertThat(page.json().path("page").path("total_elements").asInt()).isEqualTo(3);
        assertThat(client.send("GET", "/api/v1/sites/" + other.siteId() + "/ingestion-logs", null,
                "X-API-Key", reader).status()).isEqualTo(404);
    }

    private static JsonNode reading(Answer answer, String sensorId) {
        for (JsonNode reading : answer.json().path("readings")) {
            if (reading.path("sensor_id").asString().equals(sensorId)) {
                return reading;
            }
        }
        throw new AssertionError(sensorId + " missing in " + answer.body());
    }

    private static String latestJson(double value, String unit, Instant ts, String type) {
        return "{\"value\":" + value + ",\"unit\":\"" + unit + "\",\"ts\":\"" + ts + "\",\"ts_ms\":" + ts.toEpochMilli()
                + ",\"sensor_type\":\"" + type + "\"}";
    }
}
