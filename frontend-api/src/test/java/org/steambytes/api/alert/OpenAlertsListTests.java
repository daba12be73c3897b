package org.steambytes.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.alert.AlertLifecycle.Opening;
import org.steambytes.api.InProcessServices;
import org.steambytes.common.alert.OpenAlertsDocument;
import org.steambytes.common.alert.OpenAlertsDocument.OpenAlert;
import org.steambytes.common.alert.Severity;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts list of a site's open or acknowledged alerts, answered from alert-service's open-alerts
 * document in the real Redis, written by the real alert-service (in this JVM) after each change: a change
 * shows in the very next answer, the answers are byte for byte PostgreSQL's, and a missing or unreadable
 * document, or another query, is answered from PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenAlertsListTests {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.alert-service-url", InProcessServices::alertServiceUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JsonMapper json;

    @Test
    void aNewAnAcknowledgedAndAResolvedAlertShowInTheVeryNextList() {
        SiteFixture site = Fixtures.boilerHouse();
        String operator = Fixtures.apiKey("operator", false, site.siteId());
        ServiceClient client = new ServiceClient(port);
        String open = "/api/v1/alerts?site_id=" + site.siteId() + "&state=open";
        String acknowledged = "/api/v1/alerts?site_id=" + site.siteId() + "&state=acknowledged";

        UUID alert = open(site.siteId(), "high", 12.6);
        assertThat(redis.hasKey(RedisKeys.openAlerts(site.siteId()))).as("alert-service wrote the document").isTrue();
        Answer opened = client.send("GET", open, null, "X-API-Key", operator);
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(ids(opened)).containsExactly(alert.toString());
        assertThat(opened.json().path("content").get(0).path("value").asDouble()).isEqualTo(12.6);

        Answer ack = client.send("POST", "/api/v1/alerts/" + alert + "/acknowledge", "{}", "X-API-Key", operator);
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ids(client.send("GET", open, null, "X-API-Key", operator))).isEmpty();
        Answer moved = client.send("GET", acknowledged, null, "X-API-Key", operator);
        assertThat(ids(moved)).containsExactly(alert.toString());
        assertThat(moved.json().path("content").get(0).path("acknowledged_by").asString()).startsWith("api-key:");

        resolve(alert);
        assertThat(ids(client.send("GET", open, null, "X-API-Key", operator))).isEmpty();
        assertThat(ids(client.send("GET", acknowledged, null, "X-API-Key", operator))).isEmpty();
        assertThat(ids(client.send("GET", "/api/v1/alerts?site_id=" + site.siteId() + "&state=resolved", null,
                "X-API-Key", operator))).containsExactly(alert.toString());
    }

    @Test
    void theDocumentAndPostgreSqlGiveTheSameAnswersPageByPage() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        String[] severities = {"critical", "high", "medium", "low"};
        String[] states = {"open", "acknowledged", "resolved"};
        for (int i = 0; i < 36; i++) {
            // Every third pair shares its opened_at (the order then goes by alert_id), some values are awkward doubles.
            // Each alert has a rule of its own (alert-service's silence watch resolves rule-less ones), but the first:
            // a site-lost alert without sensor or rule.
            String openedAt = "timestamptz '2026-12-01 10:00:00.123456+00' + interval '" + (i / 3 * 3) + " minutes'";
            String state = states[i % 3 == 2 && i % 2 == 0 ? 2 : i % 2];
            String ruleId = i == 0 ? null : UUID.randomUUID().toString();
            if (ruleId != null) {
                Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, operator, limit_value, deadband,"
                        + " delay_s, severity) VALUES ('" + ruleId + "', '" + site.siteId() + "', 'b1-steam-pressure',"
                        + " 'threshold', 'above', 12.0, 0.2, 0, '" + severities[i % 4] + "')");
            }
            Fixtures.execute("INSERT INTO alerts (alert_id, site_id, sensor_id, rule_id, kind, state, severity, value,"
                    + " limit_value, message, opened_at, acknowledged_at, acknowledged_by, resolved_at, shelved_until,"
                    + " shelve_reason) VALUES ('" + UUID.randomUUID() + "', '" + site.siteId() + "', "
                    + (ruleId == null ? "NULL, NULL, 'site_lost'" : "'b1-steam-pressure', '" + ruleId + "', 'threshold'")
                    + ", '" + state + "', '" + severities[i % 4] + "', " + (i % 5 == 0 ? "NULL" : (0.1 * i + 0.2) + "::float8")
                    + ", " + (i % 5 == 0 ? "NULL" : "12.0") + ", 'steam pressure \"" + i + "\" über ' || chr(10) || 'Grenze', "
                    + openedAt + ", " + (state.equals("acknowledged") ? openedAt + " + interval '1.5 seconds'" : "NULL") + ", "
                    + (state.equals("acknowledged") ? "'user:anna'" : "NULL") + ", "
                    + (state.equals("resolved") ? openedAt + " + interval '1 hour'" : "NULL") + ", "
                    + (i % 7 == 0 && !state.equals("resolved") ? "now() + interval '1 hour', 'burner service'" : "NULL, NULL") + ")");
        }
        open(site.siteId(), "medium", 12.5); // a change through alert-service: the document now holds the others too
        String key = RedisKeys.openAlerts(site.siteId());
        assertThat(OpenAlertsDocument.decode(json, redis.opsForValue().get(key)).alerts()).hasSize((int) Fixtures.count(
                "SELECT count(*) FROM alerts WHERE site_id = '" + site.siteId() + "' AND state <> 'resolved'"));

        List<String> queries = new ArrayList<>();
        for (String state : List.of("open", "acknowledged")) {
            for (String severity : List.of("", "&severity=high", "&severity=critical,low", "&severity=medium&severity=high")) {
                for (String paging : List.of("", "&size=5", "&size=5&page=1", "&size=5&page=2", "&size=5&page=9",
                        "&size=1&page=3", "&sort=severity,asc&size=4")) {
                    queries.add("/api/v1/alerts?site_id=" + site.siteId() + "&state=" + state + severity + paging);
                }
            }
        }
        ServiceClient client = new ServiceClient(port);
        Map<String, String> fromDocument = new LinkedHashMap<>();
        for (String query : queries) {
            Answer answer = client.send("GET", query, null, "X-API-Key", reader);
            assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(200);
            fromDocument.put(query, answer.contentType() + "\n" + answer.body());
        }
        assertThat(fromDocument.values()).as("some pages hold alerts").anyMatch(body -> body.contains("über"));

        redis.delete(key);
        for (String query : queries) {
            Answer answer = client.send("GET", query, null, "X-API-Key", reader);
            assertThat(answer.contentType() + "\n" + answer.body()).as(query).isEqualTo(fromDocument.get(query));
        }
    }

    @Test
    void theDocumentIsReadWhenThereAndPostgreSqlWhenItIsMissingUnreadableOrTheQueryNeedsIt() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        ServiceClient client = new ServiceClient(port);
        UUID inPostgres = AlertsApiTests.alert(site.siteId(), "open", 5);
        String open = "/api/v1/alerts?site_id=" + site.siteId() + "&state=open";
        String key = RedisKeys.openAlerts(site.siteId());

        assertThat(redis.hasKey(key)).isFalse();
        assertThat(ids(client.send("GET", open, null, "X-API-Key", reader))).as("no document: PostgreSQL")
                .containsExactly(inPostgres.toString());

        // A document alert-service would write, holding an alert PostgreSQL does not: its answer shows which was read.
        UUID onlyInDocument = UUID.randomUUID();
        redis.opsForValue().set(key, new OpenAlertsDocument(1, site.siteId(), List.of(new OpenAlert(onlyInDocument,
                site.siteId(), null, null, "site_lost", "open", "high", Instant.parse("2026-12-07T06:00:00Z"), null, null,
                "all sensors silent", null, null, null, null, null))).encode(json));
        try {
            assertThat(ids(client.send("GET", open, null, "X-API-Key", reader))).as("the document")
                    .containsExactly(onlyInDocument.toString());
            assertThat(ids(client.send("GET", "/api/v1/alerts?site_id=" + site.siteId(), null, "X-API-Key", reader)))
                    .as("every state: PostgreSQL").containsExactly(inPostgres.toString());
            assertThat(ids(client.send("GET", "/api/v1/alerts?state=open", null, "X-API-Key", reader)))
                    .as("no site: PostgreSQL").containsExactly(inPostgres.toString());
            assertThat(client.send("GET", "/api/v1/alerts?site_id=" + Fixtures.boilerHouse().siteId() + "&state=open", null,
                    "X-API-Key", reader).status()).as("scope first").isEqualTo(404);
            assertThat(ids(client.send("GET", open, null, "X-API-Key", reader, "Accept", "text/html;q=0.9, */*;q=0.1")))
                    .as("JSON among what the caller takes: the document").containsExactly(onlyInDocument.toString());
            assertThat(client.send("GET", open, null, "X-API-Key", reader, "Accept", "text/csv").status())
                    .as("no JSON wanted: negotiated as every other list").isEqualTo(406);

            redis.opsForValue().set(key, new OpenAlertsDocument(2, "another-site", List.of(new OpenAlert(onlyInDocument,
                    "another-site", null, null, "site_lost", "open", "high", Instant.parse("2026-12-07T06:00:00Z"), null,
                    null, "all sensors silent", null, null, null, null, null))).encode(json));
            assertThat(ids(client.send("GET", open, null, "X-API-Key", reader))).as("another site's document: PostgreSQL")
                    .containsExactly(inPostgres.toString());

            redis.opsForValue().set(key, "{\"version\":2,\"site_id\":\"" + site.siteId() + "\",\"alerts\":[{\"alert_id\":");
            assertThat(ids(client.send("GET", open, null, "X-API-Key", reader))).as("unreadable: PostgreSQL")
                    .containsExactly(inPostgres.toString());
        } finally {
            redis.delete(key);
        }
    }

    private UUID open(String siteId, String severity, double value) {
        UUID ruleId = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, operator, limit_value, deadband,"
                + " delay_s, severity) VALUES ('" + ruleId + "', '" + siteId + "', 'b1-steam-pressure', 'threshold', 'above',"
                + " 12.0, 0.2, 0, '" + severity + "')");
        ConfigurableApplicationContext alertService = InProcessServices.alertService();
        AlertLifecycle lifecycle = alertService.getBean(AlertLifecycle.class);
        return alertService.getBean(TransactionTemplate.class).execute(tx -> lifecycle.open(new Opening(ruleId, siteId,
                "b1-steam-pressure", "threshold", Severity.of(severity), value, 12.0, "steam pressure above 12 bar",
                Instant.now()))).orElseThrow();
    }

    private static void resolve(UUID alertId) {
        ConfigurableApplicationContext alertService = InProcessServices.alertService();
        AlertLifecycle lifecycle = alertService.getBean(AlertLifecycle.class);
        alertService.getBean(TransactionTemplate.class).executeWithoutResult(tx -> lifecycle.resolve(alertId, 11.0,
                Instant.now()));
    }

    private static List<String> ids(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().path("content").forEach(alert -> ids.add(alert.path("alert_id").asString()));
        return ids;
    }
}
