package org.steambytes.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.api.InProcessServices;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.api.site.SiteDetails;
import org.steambytes.api.site.Sites;
import org.steambytes.common.security.UserTokens;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/**
 * The audit log against the real PostgreSQL: each kind of change through the API leaves one event with who,
 * what, before and after, never a secret; forwarded changes (alerts through the real alert-service, analytics
 * settings through the real ai-processor) are recorded once the owner said yes; only admins read the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiTests {

    private static final UserTokens TOKENS = new UserTokens(InProcessServices.INTERNAL_TOKEN, Clock.systemUTC());

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.alert-service-url", InProcessServices::alertServiceUrl);
        registry.add("steambytes.ai-processor-url", InProcessServices::aiProcessorUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    Sites sites;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void siteAndSensorChangesAreRecordedWithWhoBeforeAndAfter() {
        String admin = Fixtures.apiKey("admin", true);
        String siteId = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String sensors = "/api/v1/sites/" + siteId + "/sensors";

        ok(send(admin, "POST", "/api/v1/sites", "{\"site_id\": \"" + siteId + "\", \"name\": \"Plant A\","
                + " \"timezone\": \"Europe/Berlin\", \"fuel_type\": \"natural_gas\"}"));
        ok(send(admin, "PUT", "/api/v1/sites/" + siteId, "{\"name\": \"Plant A (north)\"}"));
        ok(send(admin, "POST", sensors, "{\"sensor_id\": \"b1-o2\", \"sensor_type\": \"flue_gas_o2\", \"unit\": \"%\","
                + " \"min_valid\": 0, \"max_valid\": 21, \"expected_interval_s\": 10}"));
        ok(send(admin, "PUT", sensors + "/b1-o2", "{\"max_valid\": 25}"));
        ok(send(admin, "DELETE", sensors + "/b1-o2", null));
        ok(send(admin, "DELETE", "/api/v1/sites/" + siteId, null));

        List<JsonNode> events = events(admin, "site_id=" + siteId);
        assertThat(events).extracting(e -> e.path("action").asString() + " " + e.path("resource_type").asString()
                + " " + e.path("resource_id").asString()).containsExactly("delete site " + siteId, "delete sensor b1-o2",
                "update sensor b1-o2", "create sensor b1-o2", "update site " + siteId, "create site " + siteId);
        String keyId = keyId(admin);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("actor_kind").asString()).isEqualTo("key");
            assertThat(event.path("actor_id").asString()).isEqualTo(keyId);
            assertThat(event.path("actor").asString()).isEqualTo("api-key:" + keyId);
            assertThat(event.path("site_id").asString()).isEqualTo(siteId);
        });
        JsonNode siteUpdate = events.get(4);
        assertThat(siteUpdate.path("before").path("name").asString()).isEqualTo("Plant A");
        assertThat(siteUpdate.path("after").path("name").asString()).isEqualTo("Plant A (north)");
        assertThat(siteUpdate.path("after").path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(events.get(5).path("before").isNull()).as("a create has no before").isTrue();
        assertThat(events.get(3).path("after").path("max_valid").asDouble()).isEqualTo(21.0);
        assertThat(events.get(2).path("before").path("max_valid").asDouble()).isEqualTo(21.0);
        assertThat(events.get(2).path("after").path("max_valid").asDouble()).isEqualTo(25.0);
        assertThat(events.get(1).path("after").isNull()).as("a delete has no after").isTrue();
        assertThat(events.get(0).path("before").path("name").asString()).isEqualTo("Plant A (north)");
        assertThat(Instant.parse(events.get(0).path("at").asString())).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void gatewaysAndKeysAreRecordedWithoutTheirSecrets() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", true);

        Answer gateway = ok(send(admin, "POST", "/api/v1/sites/" + site.siteId() + "/gateways", "{\"name\": \"gw-1\"}"));
        String gatewayId = gateway.json().path("gateway_id").asString();
        String token = gateway.json().path("token").asString();
        ok(send(admin, "DELETE", "/api/v1/sites/" + site.siteId() + "/gateways/" + gatewayId, null));
        Answer key = ok(send(admin, "POST", "/api/v1/api-keys", "{\"name\": \"k\", \"role\": \"reader\", \"site_ids\": [\""
                + site.siteId() + "\"]}"));
        String newKeyId = key.json().path("key_id").asString();
        String secret = key.json().path("key").asString();
        ok(send(admin, "DELETE", "/api/v1/api-keys/" + newKeyId, null));

        List<JsonNode> gatewayEvents = events(admin, "site_id=" + site.siteId());
        assertThat(gatewayEvents).extracting(e -> e.path("action").asString() + " " + e.path("resource_type").asString())
                .containsExactly("revoke gateway", "create gateway");
        assertThat(gatewayEvents.get(0).path("resource_id").asString()).isEqualTo(gatewayId);
        assertThat(gatewayEvents.get(0).path("before").path("revoked_at").isNull()).isTrue();
        assertThat(gatewayEvents.get(0).path("after").path("revoked_at").isNull()).isFalse();
        assertThat(gatewayEvents.get(1).path("after").path("token_prefix").asString()).isEqualTo(token.substring(0, 8));
        List<JsonNode> keyEvents = events(admin, "actor=api-key:" + keyId(admin)).stream()
                .filter(e -> e.path("resource_id").asString().equals(newKeyId)).toList();
        assertThat(keyEvents).extracting(e -> e.path("action").asString() + " " + e.path("resource_type").asString())
                .containsExactly("revoke api_key", "create api_key");
        assertThat(keyEvents.get(1).path("site_id").isNull()).isTrue();
        assertThat(keyEvents.get(1).path("after").path("site_ids").get(0).asString()).isEqualTo(site.siteId());
        assertThat(keyEvents.get(1).path("after").has("key")).isFalse();
        for (String leaked : List.of(token, Fixtures.sha256Hex(token), secret, Fixtures.sha256Hex(secret))) {
            assertThat(Fixtures.count("SELECT count(*) FROM audit_events WHERE concat(before::text, after::text) LIKE '%"
                    + leaked + "%'")).as("no secret nor its hash in the log").isZero();
        }
    }

    @Test
    void usersAreRecordedWithoutPasswordsAndAUserTokenActsAsAUser() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", true);
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery " + UUID.randomUUID();

        ok(send(admin, "POST", "/api/v1/users", "{\"username\": \"" + username + "\", \"password\": \"" + password
                + "\", \"role\": \"operator\", \"site_ids\": [\"" + site.siteId() + "\"]}"));
        ok(send(admin, "PUT", "/api/v1/users/" + username, "{\"role\": \"admin\"}"));
        ok(send(admin, "PUT", "/api/v1/users/" + username, "{\"role\": \"admin\", \"password\": \"" + password + "!\"}"));
        // The user, now an admin of the site, changes the site: recorded as the user.
        String bearer = "Bearer " + TOKENS.issue(username);
        Answer asUser = new ServiceClient(port).send("PUT", "/api/v1/sites/" + site.siteId(), "{\"name\": \"By a user\"}",
                "Authorization", bearer);
        ok(asUser);
        ok(send(admin, "DELETE", "/api/v1/users/" + username, null));

        List<JsonNode> userEvents = events(admin, "actor=api-key:" + keyId(admin)).stream()
                .filter(e -> e.path("resource_id").asString().equals(username)).toList();
        assertThat(userEvents).extracting(e -> e.path("action").asString() + " " + e.path("resource_type").asString()
                + " " + e.path("after").path("password_changed").asString("-"))
                .containsExactly("delete user -", "update user true", "update user false", "create user true");
        assertThat(userEvents.get(2).path("before").path("role").asString()).isEqualTo("operator");
        assertThat(userEvents.get(2).path("after").path("role").asString()).isEqualTo("admin");
        assertThat(Fixtures.count("SELECT count(*) FROM audit_events WHERE concat(before::text, after::text) LIKE '%"
                + password + "%' OR concat(before::text, after::text) LIKE '%$2a$%'"
                + " OR concat(before::text, after::text) LIKE '%password_hash%'")).isZero();
        JsonNode byUser = events(admin, "actor=user:" + username).get(0);
        assertThat(byUser.path("actor_kind").asString()).isEqualTo("user");
        assertThat(byUser.path("actor_id").asString()).isEqualTo(username);
        assertThat(byUser.path("resource_type").asString()).isEqualTo("site");
        assertThat(byUser.path("after").path("name").asString()).isEqualTo("By a user");
    }

    @Test
    void alertRulesAndMaintenanceWindowsAreRecorded() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String operator = Fixtures.apiKey("operator", false, site.siteId());
        String rules = "/api/v1/sites/" + site.siteId() + "/alert-rules";
        String windows = "/api/v1/sites/" + site.siteId() + "/maintenance-windows";

        String ruleId = ok(send(admin, "POST", rules, "{\"kind\": \"threshold\", \"sensor_id\": \"b1-steam-pressure\","
                + " \"operator\": \"above\", \"limit\": 12.0, \"severity\": \"high\"}")).json().path("rule_id").asString();
        ok(send(admin, "PUT", rules + "/" + ruleId, "{\"kind\": \"threshold\", \"sensor_id\": \"b1-steam-pressure\","
                + " \"operator\": \"above\", \"limit\": 13.0, \"severity\": \"critical\"}"));
        ok(send(admin, "DELETE", rules + "/" + ruleId, null));
        Instant start = Instant.now().plus(Duration.ofHours(1));
        String windowId = ok(send(operator, "POST", windows, "{\"starts_at\": \"" + start + "\", \"ends_at\": \""
                + start.plus(Duration.ofHours(4)) + "\", \"reason\": \"burner service\"}")).json().path("window_id").asString();
        ok(send(operator, "PUT", windows + "/" + windowId, "{\"starts_at\": \"" + start + "\", \"ends_at\": \""
                + start.plus(Duration.ofHours(6)) + "\", \"reason\": \"burner service, longer\"}"));
        ok(send(operator, "DELETE", windows + "/" + windowId, null));

        List<JsonNode> events = events(admin, "site_id=" + site.siteId());
        assertThat(events).extracting(e -> e.path("action").asString() + " " + e.path("resource_type").asString()
                + " " + e.path("resource_id").asString()).containsExactly("delete maintenance_window " + windowId,
                "update maintenance_window " + windowId, "create maintenance_window " + windowId,
                "delete alert_rule " + ruleId, "update alert_rule " + ruleId, "create alert_rule " + ruleId);
        assertThat(events.get(1).path("actor").asString()).isEqualTo("api-key:" + keyId(operator));
        assertThat(events.get(1).path("before").path("reason").asString()).isEqualTo("burner service");
        assertThat(events.get(1).path("after").path("reason").asString()).isEqualTo("burner service, longer");
        assertThat(events.get(4).path("before").path("limit").asDouble()).isEqualTo(12.0);
        assertThat(events.get(4).path("after").path("limit").asDouble()).isEqualTo(13.0);
        assertThat(events.get(4).path("after").path("severity").asString()).isEqualTo("critical");
    }

    @Test
    void forwardedChangesAreRecordedOnceTheOwnerSaidYesAndRefusalsNotAtAll() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        UUID alert = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at)"
                + " VALUES ('" + alert + "', '" + site.siteId() + "', 'site_lost', 'open', 'high', 'all sensors silent', now())");
        String alerts = "/api/v1/alerts/" + alert;

        ok(send(admin, "POST", alerts + "/acknowledge", "{\"note\": \"on it\"}"));
        ok(send(admin, "POST", alerts + "/shelve", "{\"until\": \"" + Instant.now().plus(Duration.ofHours(2))
                + "\", \"reason\": \"burner service\"}"));
        ok(send(admin, "DELETE", alerts + "/shelve", null));
        assertThat(send(admin, "DELETE", alerts + "/shelve", null).status()).as("not shelved any more").isEqualTo(409);
        JsonNode settingsBefore = ok(send(admin, "GET", "/api/v1/sites/" + site.siteId() + "/analytics-config", null)).json();
        ok(send(admin, "PUT", "/api/v1/sites/" + site.siteId() + "/analytics-config", "{\"cusum_h_sigma\": 12.5}"));
        assertThat(send(admin, "POST", "/api/v1/sites/" + site.siteId() + "/sensors", "{\"sensor_id\": \"b1-o2\","
                + " \"sensor_type\": \"flue_gas_o2\", \"unit\": \"%\", \"min_valid\": 0, \"max_valid\": 21,"
                + " \"expected_interval_s\": 10}").status()).as("exists already").isEqualTo(409);

        List<JsonNode> events = events(admin, "site_id=" + site.siteId());
        assertThat(events).extracting(e -> e.path("action").asString() + " " + e.path("resource_type").asString())
                .containsExactly("update analytics_settings", "unshelve alert", "shelve alert", "acknowledge alert");
        JsonNode acknowledged = events.get(3);
        assertThat(acknowledged.path("resource_id").asString()).isEqualTo(alert.toString());
        assertThat(acknowledged.path("before").path("state").asString()).isEqualTo("open");
        assertThat(acknowledged.path("after").path("state").asString()).isEqualTo("acknowledged");
        assertThat(acknowledged.path("after").path("acknowledged_by").asString()).isEqualTo("api-key:" + keyId(admin));
        assertThat(events.get(2).path("after").path("shelve_reason").asString()).isEqualTo("burner service");
        assertThat(events.get(1).path("after").path("shelved_until").isNull()).isTrue();
        assertThat(events.get(0).path("before")).isEqualTo(settingsBefore);
        assertThat(events.get(0).path("after").path("cusum_h_sigma").asDouble()).isEqualTo(12.5);
        assertThat(settingsBefore.path("cusum_h_sigma").asDouble()).isNotEqualTo(12.5);
    }

    @Test
    void onlyAdminsReadTheLogWithinTheirSitesFilteredAndPaged() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        String adminA = Fixtures.apiKey("admin", false, a.siteId());
        String adminB = Fixtures.apiKey("admin", false, b.siteId());
        for (int i = 0; i < 3; i++) {
            ok(send(adminA, "PUT", "/api/v1/sites/" + a.siteId(), "{\"name\": \"A" + i + "\"}"));
        }
        Instant between = Instant.now();
        ok(send(adminB, "PUT", "/api/v1/sites/" + b.siteId(), "{\"name\": \"B\"}"));
        ok(send(adminA, "PUT", "/api/v1/sites/" + a.siteId(), "{\"name\": \"A3\"}"));

        for (String role : List.of("reader", "operator")) {
            Answer refused = send(Fixtures.apiKey(role, false, a.siteId()), "GET", "/api/v1/audit-events", null);
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Answer ownOnly = ok(send(adminA, "GET", "/api/v1/audit-events?size=2", null));
        assertThat(names(ownOnly)).containsExactly("A3", "A2");
        assertThat(ownOnly.json().path("page").path("total_elements").asInt()).isEqualTo(4);
        assertThat(ownOnly.json().path("page").path("total_pages").asInt()).isEqualTo(2);
        assertThat(names(ok(send(adminA, "GET", "/api/v1/audit-events?size=2&page=1", null)))).containsExactly("A1", "A0");
        assertThat(names(ok(send(adminA, "GET", "/api/v1/audit-events?from=" + between, null)))).containsExactly("A3");
        assertThat(names(ok(send(adminA, "GET", "/api/v1/audit-events?to=" + between, null)))).containsExactly("A2", "A1", "A0");
        String all = Fixtures.apiKey("admin", true);
        assertThat(names(ok(send(all, "GET", "/api/v1/audit-events?actor=api-key:" + keyId(adminB), null))))
                .containsExactly("B");
        Answer foreign = send(adminA, "GET", "/api/v1/audit-events?site_id=" + b.siteId(), null);
        assertThat(foreign.status()).isEqualTo(404);
        Answer bad = send(adminA, "GET", "/api/v1/audit-events?from=yesterday&actor=jane", null);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("from", "actor");
        Answer sorted = send(adminA, "GET", "/api/v1/audit-events?sort=at", null);
        assertThat(sorted.status()).isEqualTo(400);
        assertThat(sorted.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aChangeAndItsEventShareOneTransaction() {
        SiteFixture site = Fixtures.boilerHouse();
        ApiCaller admin = ApiCaller.key(UUID.randomUUID(), ApiRole.ADMIN, true, Set.of());

        // The site service joins the surrounding transaction; rolling that back must take the event with it.
        transactions.executeWithoutResult(status -> {
            sites.update(admin, site.siteId(), current -> new SiteDetails("Never kept", current.timezone(),
                    current.fuelType(), current.notificationEmails(), current.escalationEmails()));
            assertThat(Fixtures.count("SELECT count(*) FROM audit_events WHERE site_id = '" + site.siteId() + "'"))
                    .as("not visible outside the transaction before it commits").isZero();
            status.setRollbackOnly();
        });
        assertThat(Fixtures.count("SELECT count(*) FROM audit_events WHERE site_id = '" + site.siteId() + "'")).isZero();
        assertThat(Fixtures.countText("SELECT name FROM sites WHERE site_id = '" + site.siteId() + "'")).isNotEqualTo("Never kept");

        transactions.executeWithoutResult(status -> sites.update(admin, site.siteId(), current -> new SiteDetails(
                "Kept", current.timezone(), current.fuelType(), current.notificationEmails(), current.escalationEmails())));
        assertThat(Fixtures.count("SELECT count(*) FROM audit_events WHERE site_id = '" + site.siteId() + "'")).isEqualTo(1);
    }

    @Test
    void theLogRefusesUpdateDeleteAndTruncateEvenToItsOwner() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        ok(send(admin, "PUT", "/api/v1/sites/" + site.siteId(), "{\"name\": \"Kept\"}"));
        String where = " WHERE site_id = '" + site.siteId() + "'";

        for (String change : List.of("UPDATE audit_events SET action = 'nothing'" + where, "DELETE FROM audit_events" + where,
                "TRUNCATE audit_events")) {
            assertThatThrownBy(() -> Fixtures.execute(change)).as(change).hasMessageContaining("append-only");
        }
        assertThat(Fixtures.count("SELECT count(*) FROM audit_events" + where + " AND action = 'update'")).isEqualTo(1);
    }

    private static List<String> names(Answer answer) {
        List<String> names = new ArrayList<>();
        answer.json().path("content").forEach(event -> names.add(event.path("after").path("name").asString()));
        return names;
    }

    private List<JsonNode> events(String admin, String query) {
        Answer answer = ok(send(admin, "GET", "/api/v1/audit-events?size=500&" + query, null));
        List<JsonNode> events = new ArrayList<>();
        answer.json().path("content").forEach(events::add);
        return events;
    }

    private static String keyId(String key) {
        return Fixtures.countText("SELECT key_id::text FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(key) + "'");
    }

    private Answer send(String key, String method, String path, String body) {
        return new ServiceClient(port).send(method, path, body, "X-API-Key", key);
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 204);
        return answer;
    }
}
