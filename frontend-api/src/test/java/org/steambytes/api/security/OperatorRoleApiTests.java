package org.steambytes.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
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
 * The operator role, by key and by user token, through the real alert-service (in this JVM): it answers
 * alerts and keeps maintenance windows of its own sites, is named in the audit columns, and changes
 * nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorRoleApiTests {

    private static final UserTokens TOKENS = new UserTokens(InProcessServices.INTERNAL_TOKEN, Clock.systemUTC());

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.alert-service-url", InProcessServices::alertServiceUrl);
    }

    @LocalServerPort
    int port;

    @Test
    void anOperatorUserAcknowledgesAndShelvesAlertsOfItsSiteAndIsNamedInTheirHistory() {
        SiteFixture site = Fixtures.boilerHouse();
        String user = "op-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.user(user, "operator", site.siteId());
        UUID alert = alert(site.siteId());
        String[] token = {"Authorization", "Bearer " + TOKENS.issue(user)};

        Answer ack = client().send("POST", "/api/v1/alerts/" + alert + "/acknowledge", "{\"note\": \"on it\"}", token);
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().path("acknowledged_by").asString()).isEqualTo("user:" + user);
        Answer shelve = client().send("POST", "/api/v1/alerts/" + alert + "/shelve", "{\"until\": \""
                + Instant.now().plusSeconds(3600) + "\", \"reason\": \"sensor being replaced\"}", token);
        assertThat(shelve.status()).as(shelve.body()).isEqualTo(200);
        assertThat(shelve.json().path("shelve_reason").asString()).isEqualTo("sensor being replaced");
        assertThat(client().send("DELETE", "/api/v1/alerts/" + alert + "/shelve", null, token).status()).isEqualTo(200);

        Answer history = client().send("GET", "/api/v1/alerts/" + alert + "/events", null, token);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().path("events").findValuesAsString("type"))
                .containsSubsequence("opened", "acknowledged", "shelved", "unshelved");
        assertThat(Fixtures.count("SELECT count(*) FROM alert_events WHERE alert_id = '" + alert + "' AND actor = 'user:"
                + user + "' AND transition IN ('acknowledged', 'shelved', 'unshelved')")).isEqualTo(3);
    }

    @Test
    void anOperatorKeyAnswersAlertsOnlyOnItsOwnSites() {
        SiteFixture own = Fixtures.boilerHouse();
        SiteFixture foreign = Fixtures.boilerHouse();
        String key = Fixtures.apiKey("operator", false, own.siteId());
        UUID elsewhere = alert(foreign.siteId());

        for (String[] call : new String[][] {{"POST", "/api/v1/alerts/" + elsewhere + "/acknowledge", "{}"},
                {"POST", "/api/v1/alerts/" + elsewhere + "/shelve", "{\"until\": \"" + Instant.now().plusSeconds(600)
                        + "\", \"reason\": \"x\"}"},
                {"POST", "/api/v1/sites/" + foreign.siteId() + "/maintenance-windows", "{\"starts_at\": \""
                        + Instant.now() + "\", \"ends_at\": \"" + Instant.now().plusSeconds(600) + "\", \"reason\": \"x\"}"}}) {
            Answer answer = client().send(call[0], call[1], call[2], "X-API-Key", key);
            assertThat(answer.status()).as(call[1] + " → " + answer.body()).isEqualTo(404);
        }
        assertThat(Fixtures.countText("SELECT state FROM alerts WHERE alert_id = '" + elsewhere + "'")).isEqualTo("open");
        UUID mine = alert(own.siteId());
        assertThat(client().send("POST", "/api/v1/alerts/" + mine + "/acknowledge", "{}", "X-API-Key", key).status())
                .isEqualTo(200);
    }

    @Test
    void anOperatorCannotCreateSensorsRulesGatewaysKeysOrUsers() {
        SiteFixture site = Fixtures.boilerHouse();
        String key = Fixtures.apiKey("operator", false, site.siteId());
        String user = "op-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.user(user, "operator", site.siteId());
        String s = "/api/v1/sites/" + site.siteId();
        String[][] writes = {
                {"POST", s + "/sensors", "{\"sensor_id\": \"s-1\", \"sensor_type\": \"steam_pressure\", \"unit\": \"bar\","
                        + " \"min_valid\": 0, \"max_valid\": 20}"},
                {"POST", s + "/alert-rules", "{\"kind\": \"threshold\", \"sensor_id\": \"b1-steam-pressure\","
                        + " \"operator\": \"above\", \"limit\": 12.0, \"severity\": \"high\"}"},
                {"POST", s + "/gateways", "{\"name\": \"gw\"}"},
                {"PUT", s, "{\"name\": \"Renamed\"}"},
                {"POST", "/api/v1/api-keys", "{\"name\": \"k\", \"role\": \"reader\", \"site_ids\": [\"" + site.siteId() + "\"]}"},
                {"POST", "/api/v1/users", "{\"username\": \"x-" + user + "\", \"password\": \"correct horse battery\","
                        + " \"role\": \"viewer\", \"site_ids\": [\"" + site.siteId() + "\"]}"},
                {"GET", s + "/analytics-config", null}};
        for (String[] write : writes) {
            for (String[] credentials : new String[][] {{"X-API-Key", key}, {"Authorization", "Bearer " + TOKENS.issue(user)}}) {
                Answer answer = client().send(write[0], write[1], write[2], credentials);
                assertThat(answer.status()).as(write[0] + " " + write[1] + " as " + credentials[0]).isEqualTo(403);
                assertThat(answer.json().path("code").asString()).isEqualTo("forbidden");
            }
        }
        assertThat(Fixtures.count("SELECT count(*) FROM sensors WHERE site_id = '" + site.siteId() + "'")).isEqualTo(3);
    }

    @Test
    void anAdminIssuesOperatorKeys() {
        SiteFixture site = Fixtures.boilerHouse();
        Answer issued = client().send("POST", "/api/v1/api-keys", "{\"name\": \"shift\", \"role\": \"operator\", \"site_ids\": [\""
                + site.siteId() + "\"]}", "X-API-Key", Fixtures.apiKey("admin", false, site.siteId()));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().path("details").path("role").asString()).isEqualTo("operator");
        Answer me = client().send("GET", "/api/v1/me", null, "X-API-Key", issued.json().path("key").asString());
        assertThat(me.json().path("role").asString()).isEqualTo("operator");
        Answer wrong = client().send("POST", "/api/v1/api-keys", "{\"name\": \"x\", \"role\": \"viewer\", \"all_sites\": true}",
                "X-API-Key", Fixtures.apiKey("admin", true));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("\"field\":\"role\"");
    }

    @Test
    void aUserWithTheLongestNameActsAndIsRecordedInFull() {
        SiteFixture site = Fixtures.boilerHouse();
        String user = ("op-" + UUID.randomUUID().toString().replace("-", "") + "-padding-to-sixty-four-characters-and-more")
                .substring(0, 64);
        Fixtures.user(user, "operator", site.siteId());
        UUID alert = alert(site.siteId());

        Answer answer = client().send("POST", "/api/v1/alerts/" + alert + "/acknowledge", "{}",
                "Authorization", "Bearer " + TOKENS.issue(user));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(Fixtures.countText("SELECT state || '|' || acknowledged_by FROM alerts WHERE alert_id = '" + alert + "'"))
                .isEqualTo("acknowledged|user:" + user);
    }

    private ServiceClient client() {
        return new ServiceClient(port);
    }

    private static UUID alert(String siteId) {
        UUID id = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at) VALUES ('"
                + id + "', '" + siteId + "', 'site_lost', 'open', 'high', 'all sensors silent', now())");
        Fixtures.execute("INSERT INTO alert_events (alert_id, transition, occurred_at) VALUES ('" + id + "', 'opened', now())");
        return id;
    }
}
