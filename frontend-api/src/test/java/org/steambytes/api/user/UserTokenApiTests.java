package org.steambytes.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

/**
 * Dashboard users calling with frontend-web's user token: scoped like a key of their role and sites, resolved
 * from the users table (remembered for at most 10 s; a change through the API applies at the next request), and
 * every token that is not a current one of this deployment refused with a 401 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserTokenApiTests {

    private static final UserTokens TOKENS = new UserTokens(InProcessServices.INTERNAL_TOKEN, Clock.systemUTC());

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
    }

    @LocalServerPort
    int port;

    @Test
    void aUsersTokenIsScopedLikeAKeyOfTheUsersRoleAndSites() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        String viewer = newUser("viewer", a.siteId());

        assertThat(get("/api/v1/sites/" + a.siteId(), viewer).status()).isEqualTo(200);
        assertThat(get("/api/v1/sites/" + a.siteId() + "/latest", viewer).status()).isEqualTo(200);
        Answer foreign = get("/api/v1/sites/" + b.siteId(), viewer);
        assertThat(foreign.status()).as("a site outside the user's sites is missing, as for a key").isEqualTo(404);
        Answer sites = get("/api/v1/sites", viewer);
        assertThat(sites.body()).contains(a.siteId()).doesNotContain(b.siteId());
        Answer write = send("POST", "/api/v1/sites/" + a.siteId() + "/gateways", "{\"name\": \"gw\"}", viewer);
        assertThat(write.status()).as("a viewer is a reader").isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");

        Answer me = get("/api/v1/me", viewer);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("kind").asString()).isEqualTo("user");
        assertThat(me.json().path("name").asString()).isEqualTo(viewer);
        assertThat(me.json().path("actor").asString()).isEqualTo("user:" + viewer);
        assertThat(me.json().path("role").asString()).isEqualTo("reader");
        assertThat(me.json().path("all_sites").asBoolean()).isFalse();
        assertThat(me.json().path("site_ids").toString()).isEqualTo("[\"" + a.siteId() + "\"]");
    }

    @Test
    void meNamesAKeyByItsIdAndRole() {
        SiteFixture a = Fixtures.boilerHouse();
        String key = Fixtures.apiKey("operator", false, a.siteId());
        String keyId = Fixtures.countText("SELECT key_id::text FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(key) + "'");

        Answer me = new ServiceClient(port).send("GET", "/api/v1/me", null, "X-API-Key", key);

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("kind").asString()).isEqualTo("key");
        assertThat(me.json().path("name").asString()).isEqualTo(keyId);
        assertThat(me.json().path("actor").asString()).isEqualTo("api-key:" + keyId);
        assertThat(me.json().path("role").asString()).isEqualTo("operator");
    }

    @Test
    void aDeletedUsersTokenStopsWorkingAtTheNextRequest() {
        SiteFixture a = Fixtures.boilerHouse();
        String user = newUser("admin", a.siteId());
        String token = TOKENS.issue(user);
        assertThat(get("/api/v1/sites/" + a.siteId(), user, token).status()).isEqualTo(200);

        assertThat(asAdmin("DELETE", "/api/v1/users/" + user, null).status()).isEqualTo(204);

        Answer deleted = get("/api/v1/sites/" + a.siteId(), user, token);
        assertThat(deleted.status()).as("the same, still unexpired token, the next request").isEqualTo(401);
        assertThat(deleted.contentType()).startsWith("application/problem+json");
        assertThat(deleted.json().path("code").asString()).isEqualTo("unauthenticated");
    }

    @Test
    void aUserDisabledInPostgresqlIsRefusedWithinTheTenSecondsARememberedUserIsKept() throws InterruptedException {
        SiteFixture a = Fixtures.boilerHouse();
        String user = newUser("admin", a.siteId());
        String token = TOKENS.issue(user);
        assertThat(get("/api/v1/sites/" + a.siteId(), user, token).status()).isEqualTo(200);

        // No API disables a user: an operator does it in PostgreSQL, which tells no replica.
        Fixtures.execute("UPDATE users SET enabled = false WHERE username = '" + user + "'");
        long deadline = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = get("/api/v1/sites/" + a.siteId(), user, token).status();
        }
        assertThat(status).as("refused within 10 s (+ 2 s slack)").isEqualTo(401);

        Fixtures.execute("UPDATE users SET enabled = true WHERE username = '" + user + "'");
        assertThat(get("/api/v1/sites/" + a.siteId(), user, token).status())
                .as("a refused user is never remembered: enabled again, the next request passes").isEqualTo(200);
    }

    @Test
    void aChangedSiteAccessOrRoleAppliesAtTheNextRequest() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        String user = newUser("viewer", a.siteId());
        String token = TOKENS.issue(user);
        String window = "{\"starts_at\": \"" + Instant.now() + "\", \"ends_at\": \"" + Instant.now().plusSeconds(3600)
                + "\", \"reason\": \"descaling\"}";
        assertThat(get("/api/v1/sites/" + b.siteId(), user, token).status()).isEqualTo(404);

        update(user, "{\"role\": \"viewer\", \"site_ids\": [\"" + a.siteId() + "\", \"" + b.siteId() + "\"]}");
        assertThat(get("/api/v1/sites/" + b.siteId(), user, token).status()).as("site B granted").isEqualTo(200);
        update(user, "{\"role\": \"viewer\", \"site_ids\": [\"" + b.siteId() + "\"]}");
        assertThat(get("/api/v1/sites/" + a.siteId(), user, token).status()).as("site A taken away").isEqualTo(404);
        assertThat(get("/api/v1/site-summaries", user, token).body()).contains(b.siteId()).doesNotContain(a.siteId());

        String windows = "/api/v1/sites/" + b.siteId() + "/maintenance-windows";
        assertThat(send("POST", windows, window, user, token).status()).as("a viewer").isEqualTo(403);
        update(user, "{\"role\": \"operator\", \"site_ids\": [\"" + b.siteId() + "\"]}");
        assertThat(send("POST", windows, window, user, token).status()).as("now an operator").isEqualTo(201);
        update(user, "{\"role\": \"operator\", \"all_sites\": true}");
        assertThat(get("/api/v1/sites/" + a.siteId(), user, token).status()).as("now all sites").isEqualTo(200);
    }

    private void update(String user, String body) {
        Answer answer = asAdmin("PUT", "/api/v1/users/" + user, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private Answer asAdmin(String method, String path, String body) {
        return new ServiceClient(port).send(method, path, body, "X-API-Key", Fixtures.apiKey("admin", true));
    }

    @Test
    void refusesExpiredForgedAndForeignTokensWith401() {
        SiteFixture a = Fixtures.boilerHouse();
        String user = newUser("admin", a.siteId());
        String path = "/api/v1/sites/" + a.siteId();
        Clock elevenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(11)), ZoneOffset.UTC);
        String expired = new UserTokens(InProcessServices.INTERNAL_TOKEN, elevenMinutesAgo).issue(user);
        String otherDeployment = new UserTokens("another-deployments-internal-token", Clock.systemUTC()).issue(user);
        String genuine = TOKENS.issue(user);
        String[] parts = genuine.split("\\.");
        String otherUsersClaims = TOKENS.issue("admin").split("\\.")[1];

        for (String token : new String[] {expired, otherDeployment, InProcessServices.INTERNAL_TOKEN, "not-a-token",
                parts[0] + "." + otherUsersClaims + "." + parts[2], parts[0] + "." + parts[1] + ".", a.gatewayToken()}) {
            Answer answer = get(path, user, token);
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asString()).isEqualTo("unauthenticated");
        }
        assertThat(get(path, user, genuine).status()).isEqualTo(200);
        Answer both = new ServiceClient(port).send("GET", path, null, "Authorization", "Bearer " + genuine,
                "X-API-Key", Fixtures.apiKey("admin", true));
        assertThat(both.status()).as("one credential per request").isEqualTo(401);
        assertThat(new ServiceClient(port).send("GET", path, null, "Authorization", "Bearer " + TOKENS.issue("nobody-"
                + UUID.randomUUID().toString().substring(0, 8))).status()).as("no such user").isEqualTo(401);
    }

    private String newUser(String role, String siteId) {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.user(username, role, siteId);
        return username;
    }

    private Answer get(String path, String user) {
        return get(path, user, TOKENS.issue(user));
    }

    private Answer get(String path, String user, String token) {
        return send("GET", path, null, user, token);
    }

    private Answer send(String method, String path, String body, String user) {
        return send(method, path, body, user, TOKENS.issue(user));
    }

    private Answer send(String method, String path, String body, String user, String token) {
        return new ServiceClient(port).send(method, path, body, "Authorization", "Bearer " + token);
    }
}
