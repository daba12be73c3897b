package org.steambytes.api.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.api.InProcessServices;
import org.steambytes.common.security.UserTokens;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/** Maintenance windows through the API, stored in the real PostgreSQL where alert-service reads them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MaintenanceWindowsApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
    }

    @LocalServerPort
    int port;

    @Test
    void anOperatorCreatesChangesAndDeletesItsSitesWindowsAndIsNamedInThem() {
        SiteFixture site = Fixtures.boilerHouse();
        String key = Fixtures.apiKey("operator", false, site.siteId());
        String keyId = Fixtures.countText("SELECT key_id::text FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(key) + "'");
        String windows = "/api/v1/sites/" + site.siteId() + "/maintenance-windows";
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(1));
        assertThat(send("GET", windows, null, key).json().path("content")).as("nothing yet (and now cached)").isEmpty();

        Answer created = send("POST", windows, body(start, start.plus(Duration.ofHours(8)), "burner service"), key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("window_id").asLong();
        assertThat(created.json().path("site_id").asString()).isEqualTo(site.siteId());
        assertThat(Instant.parse(created.json().path("starts_at").asString())).isEqualTo(start);
        assertThat(created.json().path("created_by").asString()).isEqualTo("api-key:" + keyId);
        assertThat(created.json().path("updated_by").isNull()).isTrue();
        assertThat(Fixtures.count("SELECT count(*) FROM maintenance_windows WHERE site_id = '" + site.siteId()
                + "' AND ends_at - starts_at = interval '8 hours'")).isEqualTo(1);
        Answer list = send("GET", windows, null, key);
        assertThat(list.json().path("content").findValuesAsString("reason")).as("the write evicted the cached list")
                .containsExactly("burner service");

        String user = "op-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.user(user, "operator", site.siteId());
        Answer changed = new ServiceClient(port).send("PUT", windows + "/" + id, "{\"starts_at\": " + start.toEpochMilli()
                + ", \"ends_at\": \"" + start.plus(Duration.ofHours(4)) + "\", \"reason\": \"burner service, shorter\"}",
                "Authorization", "Bearer " + new UserTokens(InProcessServices.INTERNAL_TOKEN, Clock.systemUTC()).issue(user));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("updated_by").asString()).isEqualTo("user:" + user);
        assertThat(changed.json().path("created_by").asString()).isEqualTo("api-key:" + keyId);
        assertThat(send("GET", windows + "/" + id, null, key).json().path("reason").asString())
                .isEqualTo("burner service, shorter");

        assertThat(send("DELETE", windows + "/" + id, null, key).status()).isEqualTo(204);
        Answer gone = send("GET", windows + "/" + id, null, key);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("code").asString()).isEqualTo("window_not_found");
    }

    @Test
    void refusesAWrongWindowNamingEachField() {
        SiteFixture site = Fixtures.boilerHouse();
        String key = Fixtures.apiKey("admin", false, site.siteId());
        String windows = "/api/v1/sites/" + site.siteId() + "/maintenance-windows";
        Instant now = Instant.now();

        assertErrors(send("POST", windows, "{}", key), "starts_at", "ends_at", "reason");
        assertErrors(send("POST", windows, body(now.plusSeconds(600), now.plusSeconds(60), "x"), key), "ends_at");
        assertErrors(send("POST", windows, body(now, now.plus(Duration.ofDays(31)), "x"), key), "ends_at");
        assertErrors(send("POST", windows, body(now.minusSeconds(7200), now.minusSeconds(3600), "x"), key), "ends_at");
        assertErrors(send("POST", windows, body(now, now.plusSeconds(60), "x".repeat(501)), key), "reason");
        assertErrors(send("POST", windows, body(now, now.plusSeconds(60), "  "), key), "reason");
        assertErrors(send("POST", windows, "{\"starts_at\": \"tomorrow\", \"ends_at\": \"2026-13-01T00:00:00Z\","
                + " \"reason\": \"x\"}", key), "starts_at", "ends_at");
        assertErrors(send("GET", windows + "?ends_after=soon", null, key), "ends_after");
        assertThat(Fixtures.count("SELECT count(*) FROM maintenance_windows WHERE site_id = '" + site.siteId() + "'"))
                .isZero();
        assertThat(send("POST", windows, body(now, now.plus(Duration.ofDays(30)), "annual inspection"), key).status())
                .as("30 days is the longest").isEqualTo(201);
    }

    @Test
    void listsNewestStartFirstAndKeepsOnlyThoseEndingAfterATime() {
        SiteFixture site = Fixtures.boilerHouse();
        String key = Fixtures.apiKey("reader", false, site.siteId());
        for (String window : new String[] {"'past', now() - interval '3 days', now() - interval '2 days'",
                "'now', now() - interval '1 hour', now() + interval '1 hour'",
                "'next', now() + interval '1 day', now() + interval '2 days'"}) {
            Fixtures.execute("INSERT INTO maintenance_windows (site_id, reason, starts_at, ends_at) VALUES ('"
                    + site.siteId() + "', " + window + ")");
        }
        String windows = "/api/v1/sites/" + site.siteId() + "/maintenance-windows";

        assertThat(send("GET", windows, null, key).json().path("content").findValuesAsString("reason"))
                .containsExactly("next", "now", "past");
        Answer current = send("GET", windows + "?ends_after=" + Instant.now().toEpochMilli(), null, key);
        assertThat(current.json().path("content").findValuesAsString("reason")).containsExactly("next", "now");
        assertThat(send("POST", windows, body(Instant.now(), Instant.now().plusSeconds(60), "x"), key).status())
                .as("a reader reads only").isEqualTo(403);
        assertThat(send("GET", windows + "?sort=reason", null, key).status()).isEqualTo(400);
    }

    @Test
    void aWindowOutsideTheCallersSitesOrOfAnotherSiteIsNotFound() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        String id = Fixtures.countText("INSERT INTO maintenance_windows (site_id, reason, starts_at, ends_at) VALUES ('"
                + b.siteId() + "', 'b', now(), now() + interval '1 hour') RETURNING id::text");
        String operatorOfA = Fixtures.apiKey("operator", false, a.siteId());
        String adminOfAll = Fixtures.apiKey("admin", true);

        assertThat(send("GET", "/api/v1/sites/" + b.siteId() + "/maintenance-windows", null, operatorOfA).status())
                .isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/sites/" + b.siteId() + "/maintenance-windows/" + id, null, operatorOfA)
                .status()).isEqualTo(404);
        Answer wrongSite = send("DELETE", "/api/v1/sites/" + a.siteId() + "/maintenance-windows/" + id, null, adminOfAll);
        assertThat(wrongSite.status()).as("B's window named under A").isEqualTo(404);
        assertThat(Fixtures.count("SELECT count(*) FROM maintenance_windows WHERE id = " + id)).isEqualTo(1);
    }

    private static String body(Instant start, Instant end, String reason) {
        return "{\"starts_at\": \"" + start + "\", \"ends_at\": \"" + end + "\", \"reason\": \"" + reason + "\"}";
    }

    private static void assertErrors(Answer answer, String... fields) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode json = answer.json();
        assertThat(json.path("code").asString()).isEqualTo("validation_failed");
        assertThat(json.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder(fields);
    }

    private Answer send(String method, String path, String body, String key) {
        return new ServiceClient(port).send(method, path, body, "X-API-Key", key);
    }
}
