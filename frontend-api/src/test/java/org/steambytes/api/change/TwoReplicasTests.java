package org.steambytes.api.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.api.ApiApplication;
import org.steambytes.api.InProcessServices;
import org.steambytes.common.security.UserTokens;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.InProcessService;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;

/**
 * Two frontend-api replicas on one PostgreSQL and one Redis: this test's context and a second one
 * started in the same JVM. What one replica remembers in memory (callers, sites, sensors) is
 * forgotten by both when a write goes through either; the alerts list is never remembered at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoReplicasTests {

    private static final UserTokens TOKENS = new UserTokens(InProcessServices.INTERNAL_TOKEN, Clock.systemUTC());
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static ConfigurableApplicationContext second;

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
    }

    @BeforeAll
    static void startSecondReplica() {
        second = InProcessService.start(ApiApplication.class, "frontend-api", Map.of(
                "steambytes.internal.token", InProcessServices.INTERNAL_TOKEN,
                "steambytes.cache-namespace", RealStores.runDatabase(),
                "steambytes.ai-processor-url", "http://127.0.0.1:9",
                "steambytes.alert-service-url", "http://127.0.0.1:9"));
    }

    @AfterAll
    static void stopSecondReplica() {
        if (second != null) {
            second.close();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aKeyRevokedOnOneReplicaIsRefusedByTheOtherWithinASecond() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        String keyId = Fixtures.countText("SELECT key_id::text FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(reader) + "'");
        String latest = "/api/v1/sites/" + site.siteId() + "/latest";
        for (int i = 0; i < 3; i++) { // both replicas remember the key now
            assertThat(first().send("GET", latest, null, "X-API-Key", reader).status()).isEqualTo(200);
            assertThat(other().send("GET", latest, null, "X-API-Key", reader).status()).isEqualTo(200);
        }

        Answer revoked = first().send("DELETE", "/api/v1/api-keys/" + keyId, null, "X-API-Key", Fixtures.apiKey("admin", true));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);

        assertThat(first().send("GET", latest, null, "X-API-Key", reader).status()).as("the revoking replica, next request")
                .isEqualTo(401);
        Duration took = until(() -> other().send("GET", latest, null, "X-API-Key", reader).status(), 401);
        assertThat(took).as("the other replica").isLessThan(WITHIN);
    }

    @Test
    void aUsersChangedScopeAndRoleApplyOnTheOtherReplicaWithinASecond() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        String user = "u-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.user(user, "viewer", a.siteId());
        String token = TOKENS.issue(user);
        assertThat(other().send("GET", "/api/v1/sites/" + a.siteId(), null, "Authorization", "Bearer " + token).status())
                .isEqualTo(200);
        assertThat(other().send("GET", "/api/v1/sites/" + b.siteId(), null, "Authorization", "Bearer " + token).status())
                .isEqualTo(404);

        Answer changed = first().send("PUT", "/api/v1/users/" + user, "{\"role\": \"operator\", \"site_ids\": [\""
                + b.siteId() + "\"]}", "X-API-Key", Fixtures.apiKey("admin", true));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        Duration granted = until(() -> other().send("GET", "/api/v1/sites/" + b.siteId(), null,
                "Authorization", "Bearer " + token).status(), 200);
        assertThat(granted).as("site B granted").isLessThan(WITHIN);
        assertThat(other().send("GET", "/api/v1/sites/" + a.siteId(), null, "Authorization", "Bearer " + token).status())
                .as("site A taken away").isEqualTo(404);
        assertThat(other().send("GET", "/api/v1/me", null, "Authorization", "Bearer " + token).json().path("role")
                .asString()).isEqualTo("operator");
    }

    @Test
    void aChangedOrAddedSensorShowsInTheNextLatestAnswerOfEitherReplica() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", true);
        String latest = "/api/v1/sites/" + site.siteId() + "/latest";
        assertThat(first().send("GET", latest, null, "X-API-Key", admin).body()).doesNotContain("b1-feedwater");
        assertThat(other().send("GET", latest, null, "X-API-Key", admin).body()).doesNotContain("b1-feedwater");

        Answer added = first().send("POST", "/api/v1/sites/" + site.siteId() + "/sensors", "{\"sensor_id\": \"b1-feedwater\","
                + " \"sensor_type\": \"feedwater_temperature\", \"unit\": \"°C\", \"min_valid\": 0, \"max_valid\": 300}",
                "X-API-Key", admin);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(first().send("GET", latest, null, "X-API-Key", admin).body()).as("the writing replica, next answer")
                .contains("b1-feedwater");
        assertThat(until(() -> other().send("GET", latest, null, "X-API-Key", admin).body().contains("b1-feedwater") ? 1 : 0, 1))
                .isLessThan(WITHIN);

        Answer changed = other().send("PUT", "/api/v1/sites/" + site.siteId() + "/sensors/b1-feedwater",
                "{\"unit\": \"K\"}", "X-API-Key", admin);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(other().send("GET", latest, null, "X-API-Key", admin).body()).as("the writing replica, next answer")
                .contains("\"unit\":\"K\"");
        assertThat(until(() -> first().send("GET", latest, null, "X-API-Key", admin).body().contains("\"unit\":\"K\"") ? 1 : 0,
                1)).isLessThan(WITHIN);
    }

    @Test
    void aNewAndAnAcknowledgedAlertShowInTheNextAlertsListOfEitherReplica() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        String open = "/api/v1/alerts?site_id=" + site.siteId() + "&state=open";
        String acknowledged = "/api/v1/alerts?site_id=" + site.siteId() + "&state=acknowledged";
        for (Supplier<ServiceClient> replica : java.util.List.<Supplier<ServiceClient>>of(this::first, this::other)) {
            assertThat(replica.get().send("GET", open, null, "X-API-Key", reader).json().path("content")).isEmpty();
        }

        UUID id = UUID.randomUUID();
        // alert-service's write, straight into its table: frontend-api hears of it from nobody.
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at) VALUES ('"
                + id + "', '" + site.siteId() + "', 'site_lost', 'open', 'high', 'all sensors silent', now())");
        for (Supplier<ServiceClient> replica : java.util.List.<Supplier<ServiceClient>>of(this::first, this::other)) {
            Answer list = replica.get().send("GET", open, null, "X-API-Key", reader);
            assertThat(list.body()).as("the next answer").contains(id.toString());
            assertThat(list.json().path("page").path("total_elements").asLong()).isEqualTo(1);
        }

        Fixtures.execute("UPDATE alerts SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = 'user:x'"
                + " WHERE alert_id = '" + id + "'");
        for (Supplier<ServiceClient> replica : java.util.List.<Supplier<ServiceClient>>of(this::first, this::other)) {
            assertThat(replica.get().send("GET", open, null, "X-API-Key", reader).body()).doesNotContain(id.toString());
            assertThat(replica.get().send("GET", acknowledged, null, "X-API-Key", reader).body()).contains(id.toString());
        }
    }

    private ServiceClient first() {
        return new ServiceClient(port);
    }

    private ServiceClient other() {
        return new ServiceClient(InProcessService.port(second));
    }

    /** How long until {@code probe} answers {@code expected} (asked every 20 ms, for at most 5 s). */
    private static Duration until(IntSupplier probe, int expected) {
        long start = System.nanoTime();
        while (probe.getAsInt() != expected) {
            if (System.nanoTime() - start > Duration.ofSeconds(5).toNanos()) {
                throw new AssertionError("not " + expected + " after 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
