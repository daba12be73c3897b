package org.steambytes.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.analytics.cycle.AnalyticsCycle;
import org.steambytes.api.InProcessServices;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/** GET /sites/{id}/analytics after a real cycle of the real ai-processor (in this process) over the real stores. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsApiTests {

    private static final Instant WINDOW_START = Instant.parse("2026-11-27T10:00:00Z");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.ai-processor-url", InProcessServices::aiProcessorUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void answersTheLatestResultSetFromTheCacheAndFromPostgresqlWhenItIsCold() {
        SiteFixture site = Fixtures.boilerHouse();
        List<Reading> readings = new ArrayList<>();
        for (int s = 0; s < 3600; s += 10) {
            readings.add(new Reading(site.siteId(), "b1-flue-gas-temp", "flue_gas_temperature", 180, WINDOW_START.plusSeconds(s)));
            readings.add(new Reading(site.siteId(), "b1-o2", "flue_gas_o2", 3.0, WINDOW_START.plusSeconds(s)));
            readings.add(new Reading(site.siteId(), "b1-steam-pressure", "steam_pressure", 10 + s / 3600.0,
                    WINDOW_START.plusSeconds(s)));
        }
        write(readings);
        Fixtures.execute("INSERT INTO analytics_configs (site_id, air_temperature_c) VALUES ('" + site.siteId() + "', 20)");
        InProcessServices.aiProcessor().getBean(AnalyticsCycle.class).cycle(WINDOW_START.plus(Duration.ofMinutes(60)));

        Answer cached = get(site);
        assertThat(cached.status()).isEqualTo(200);
        JsonNode analytics = cached.json();
        assertThat(analytics.path("site_id").asString()).isEqualTo(site.siteId());
        assertThat(analytics.path("window").path("to").asString()).isEqualTo("2026-11-27T11:00:00Z");
        assertThat(analytics.path("efficiency").path("combustion").path("value_pct").asDouble())
                .isCloseTo(92.69, within(0.01));
        assertThat(analytics.path("efficiency").path("direct").path("not_computed").asString())
                .isEqualTo("no calorific value configured for the site");
        JsonNode pressure = sensor(analytics, "b1-steam-pressure");
        assertThat(pressure.path("count").asInt()).isEqualTo(360);
        assertThat(pressure.path("slope_per_hour").asDouble()).isCloseTo(1.0, within(1e-9));

        redis.delete(RedisKeys.analytics(site.siteId()));
        assertThat(get(site).json()).as("cold cache: rebuilt by ai-processor from PostgreSQL").isEqualTo(analytics);
    }

    @Test
    void aSiteNotAnalysedYetHasAnEmptyResultSetAndAnswersAreNeverResponseCached() {
        SiteFixture site = Fixtures.boilerHouse();

        JsonNode empty = get(site).json();
        assertThat(empty.path("site_id").asString()).isEqualTo(site.siteId());
        assertThat(empty.path("computed_at").isNull()).isTrue();
        assertThat(empty.path("sensors")).isEmpty();

        redis.opsForValue().set(RedisKeys.analytics(site.siteId()), "{\"site_id\":\"" + site.siteId() + "\",\"n\":1}");
        assertThat(get(site).json().path("n").asInt()).isEqualTo(1);
        redis.opsForValue().set(RedisKeys.analytics(site.siteId()), "{\"site_id\":\"" + site.siteId() + "\",\"n\":2}");
        assertThat(get(site).json().path("n").asInt()).as("read fresh, not from the response cache").isEqualTo(2);
    }

    private Answer get(SiteFixture site) {
        String key = Fixtures.apiKey("reader", false, site.siteId());
        return new ServiceClient(port).send("GET", "/api/v1/sites/" + site.siteId() + "/analytics", null, "X-API-Key", key);
    }

    private static JsonNode sensor(JsonNode analytics, String sensorId) {
        for (JsonNode sensor : analytics.path("sensors")) {
            if (sensor.path("sensor_id").asString().equals(sensorId)) {
                return sensor;
            }
        }
        throw new AssertionError("no sensor " + sensorId + " in " + analytics);
    }

    private static void write(List<Reading> readings) {
        try (InfluxReadingStore store = InfluxReadingStore.connect(new InfluxSettings(
                RealStores.influxUrl(), null, "steambytes", RealStores.runInfluxDatabase(), Duration.ofSeconds(10)))) {
            store.write(readings);
        }
    }
}
