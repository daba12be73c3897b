package org.steambytes.api.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;
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

/** The overview's per-site summary from the real PostgreSQL (sites, alerts, sensors) and Redis (latest values, analytics). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteSummariesApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void summarisesEachOfTheCallersSitesAndNoOther() {
        SiteFixture alerting = Fixtures.boilerHouse();
        SiteFixture fine = Fixtures.boilerHouse();
        SiteFixture silent = Fixtures.boilerHouse();
        SiteFixture foreign = Fixtures.boilerHouse();
        Instant fresh = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(20);
        Instant old = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        latest(fine.siteId(), "steam_pressure", "b1-steam-pressure", old);
        latest(fine.siteId(), "flue_gas_o2", "b1-o2", fresh);
        latest(silent.siteId(), "steam_pressure", "b1-steam-pressure", old);
        alert(alerting.siteId(), "high", "open", null);
        alert(alerting.siteId(), "critical", "acknowledged", "now() + interval '1 hour'");
        alert(alerting.siteId(), "critical", "resolved", null);
        alert(fine.siteId(), "low", "resolved", null);
        alert(foreign.siteId(), "critical", "open", null);
        redis.opsForValue().set(RedisKeys.analytics(fine.siteId()), "{\"site_id\": \"" + fine.siteId() + "\", \"efficiency\":"
                + " {\"direct\": {\"value_pct\": 86.66, \"basis\": \"net\"}, \"combustion\": {\"value_pct\": null,"
                + " \"not_computed\": \"flue_gas_o2 b1-o2 is stale\"}}, \"sensors\": []}");
        String key = Fixtures.apiKey("reader", false, alerting.siteId(), fine.siteId(), silent.siteId());
        try {
            Answer answer = new ServiceClient(port).send("GET", "/api/v1/site-summaries", null, "X-API-Key", key);

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().findValuesAsString("site_id")).as("by site id, only the caller's")
                    .containsExactlyElementsOf(Stream.of(alerting, fine, silent).map(SiteFixture::siteId)
                            .sorted().toList());
            JsonNode a = site(answer, alerting.siteId());
            assertThat(a.path("status").asString()).isEqualTo("alerting");
            assertThat(a.path("highest_open_severity").asString()).isEqualTo("critical");
            assertThat(a.path("open_alerts").asLong()).as("open and acknowledged, not resolved").isEqualTo(2);
            assertThat(a.path("shelved_alerts").asLong()).isEqualTo(1);
            assertThat(a.path("last_reading_at").isNull()).isTrue();
            assertThat(a.path("efficiency").isNull()).isTrue();
            assertThat(a.path("name").asString()).isEqualTo("Boiler house " + alerting.siteId());
            assertThat(a.path("timezone").asString()).isEqualTo("Europe/Berlin");
            JsonNode f = site(answer, fine.siteId());
            assertThat(f.path("status").asString()).as("one sensor fresh").isEqualTo("ok");
            assertThat(f.path("highest_open_severity").isNull()).isTrue();
            assertThat(f.path("open_alerts").asLong()).isZero();
            assertThat(Instant.parse(f.path("last_reading_at").asString())).isEqualTo(fresh);
            assertThat(f.path("efficiency").path("direct_pct").asDouble()).isEqualTo(86.66);
            assertThat(f.path("efficiency").path("combustion_pct").isNull()).isTrue();
            JsonNode s = site(answer, silent.siteId());
            assertThat(s.path("status").asString()).as("every sensor stale (10 min old, or never)").isEqualTo("stale");
            assertThat(Instant.parse(s.path("last_reading_at").asString())).isEqualTo(old);
            assertThat(answer.body()).doesNotContain(foreign.siteId());
            assertThat(answer.header()).as("never from the response cache").isNull();
        } finally {
            redis.delete(RedisKeys.analytics(fine.siteId()));
        }
    }

    @Test
    void aCallerOfAllSitesSeesEveryOneAndACallerOfNoneAnEmptyList() {
        SiteFixture site = Fixtures.boilerHouse();
        Answer all = new ServiceClient(port).send("GET", "/api/v1/site-summaries", null, "X-API-Key",
                Fixtures.apiKey("reader", true));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsString("site_id")).contains(site.siteId());
        Answer none = new ServiceClient(port).send("GET", "/api/v1/site-summaries", null, "X-API-Key",
                Fixtures.apiKey("reader", false));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("[]");
    }

    private void latest(String siteId, String type, String sensorId, Instant at) {
        redis.opsForHash().put(RedisKeys.latest(siteId, type), sensorId, "{\"value\": 1.0, \"unit\": \"x\", \"ts\": \""
                + at + "\", \"ts_ms\": " + at.toEpochMilli() + ", \"sensor_type\": \"" + type + "\"}");
    }

    private static void alert(String siteId, String severity, String state, String shelvedUntil) {
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at, acknowledged_at,"
                + " resolved_at, shelved_until) VALUES ('" + UUID.randomUUID() + "', '" + siteId + "', 'threshold', '" + state
                + "', '" + severity + "', 'm', now(), " + (state.equals("acknowledged") ? "now()" : "NULL") + ", "
                + (state.equals("resolved") ? "now()" : "NULL") + ", " + (shelvedUntil == null ? "NULL" : shelvedUntil) + ")");
    }

    private static JsonNode site(Answer answer, String siteId) {
        for (JsonNode site : answer.json()) {
            if (site.path("site_id").asString().equals(siteId)) {
                return site;
            }
        }
        throw new AssertionError("no summary of " + siteId + " in " + answer.body());
    }
}
