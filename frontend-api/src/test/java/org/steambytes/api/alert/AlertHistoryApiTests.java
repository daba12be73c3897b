package org.steambytes.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/** An alert's history from alert-service's rows (events and outbox), and the severity filter of the alert list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.alert-service-url=http://127.0.0.1:9")
class AlertHistoryApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void listsTransitionsAndEmailsOldestFirstWithWhoAndWhy() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsApiTests.alert(site.siteId(), "resolved", 60);
        String a = "'" + alert + "'";
        Fixtures.execute("INSERT INTO alert_events (alert_id, transition, value, occurred_at, actor, note) VALUES"
                + " (" + a + ", 'opened', 12.6, now() - interval '60 minutes', NULL, NULL),"
                + " (" + a + ", 'acknowledged', NULL, now() - interval '50 minutes', 'user:jane', 'on it'),"
                + " (" + a + ", 'shelved', NULL, now() - interval '40 minutes', 'user:jane', 'sensor swap'),"
                + " (" + a + ", 'resolved', 11.0, now() - interval '10 minutes', NULL, NULL)");
        Fixtures.execute("INSERT INTO notification_outbox (message_id, site_id, alert_id, kind, recipients, subject, body,"
                + " created_at, sent_at, suppressed_reason) VALUES"
                + " ('<" + alert + ".1>', '" + site.siteId() + "', " + a + ", 'transition', '{oncall@example.com}', 'opened',"
                + " '', now() - interval '60 minutes', now() - interval '59 minutes', NULL),"
                + " ('<" + alert + ".2>', '" + site.siteId() + "', " + a + ", 'transition', '{oncall@example.com}', 'resolved',"
                + " '', now() - interval '10 minutes', NULL, 'shelved'),"
                + " ('<" + alert + ".3>', '" + site.siteId() + "', " + a + ", 'renotify', '{oncall@example.com}', 'pending',"
                + " '', now() - interval '5 minutes', NULL, NULL)");
        ServiceClient client = new ServiceClient(port);

        Answer history = client.send("GET", "/api/v1/alerts/" + alert + "/events", null,
                "X-API-Key", Fixtures.apiKey("reader", false, site.siteId()));

        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().path("alert_id").asString()).isEqualTo(alert.toString());
        assertThat(history.json().path("truncated").asBoolean()).isFalse();
        JsonNode events = history.json().path("events");
        assertThat(events.findValuesAsString("type")).containsExactly("opened", "emailed", "acknowledged", "shelved",
                "resolved", "email_suppressed");
        assertThat(events.get(0).path("value").asDouble()).isEqualTo(12.6);
        assertThat(events.get(1).path("subject").asString()).isEqualTo("opened");
        assertThat(events.get(1).path("recipients").toString()).isEqualTo("[\"oncall@example.com\"]");
        assertThat(events.get(1).path("email_kind").asString()).isEqualTo("transition");
        assertThat(events.get(2).path("actor").asString()).isEqualTo("user:jane");
        assertThat(events.get(2).path("note").asString()).isEqualTo("on it");
        assertThat(events.get(5).path("suppressed_reason").asString()).isEqualTo("shelved");
        assertThat(history.body()).as("a message still waiting is not history yet").doesNotContain("pending");

        assertThat(client.send("GET", "/api/v1/alerts/" + alert + "/events", null,
                "X-API-Key", Fixtures.apiKey("admin", false, Fixtures.boilerHouse().siteId())).status())
                .as("another site's key").isEqualTo(404);
    }

    @Test
    void filtersTheListBySeverityRepeatedOrCommaSeparated() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID high = thresholdAlert(site.siteId(), 3);
        UUID low = severity(thresholdAlert(site.siteId(), 2), "low");
        UUID critical = severity(thresholdAlert(site.siteId(), 1), "critical");
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        ServiceClient client = new ServiceClient(port);
        String alerts = "/api/v1/alerts?site_id=" + site.siteId();

        assertThat(ids(client.send("GET", alerts + "&severity=critical,high", null, "X-API-Key", reader)))
                .containsExactly(critical.toString(), high.toString());
        assertThat(ids(client.send("GET", alerts + "&severity=low&severity=critical", null, "X-API-Key", reader)))
                .containsExactly(critical.toString(), low.toString());
        assertThat(ids(client.send("GET", alerts + "&severity=low&state=open", null, "X-API-Key", reader)))
                .containsExactly(low.toString());
        assertThat(ids(client.send("GET", alerts, null, "X-API-Key", reader))).hasSize(3);
        Answer unknown = client.send("GET", alerts + "&severity=high,urgent", null, "X-API-Key", reader);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("errors").findValuesAsString("field")).containsExactly("severity");
        assertThat(unknown.body()).contains("urgent");
    }

    /** An open high alert of a threshold rule (several may be active at a site, unlike site_lost). */
    private static UUID thresholdAlert(String siteId, int minutesAgo) {
        UUID id = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at) VALUES ('" + id
                + "', '" + siteId + "', 'threshold', 'open', 'high', 'above', now() - interval '" + minutesAgo + " minutes')");
        return id;
    }

    private static UUID severity(UUID alert, String severity) {
        Fixtures.execute("UPDATE alerts SET severity = '" + severity + "'" + (severity.equals("critical")
                ? ", state = 'acknowledged', acknowledged_at = now()" : "") + " WHERE alert_id = '" + alert + "'");
        return alert;
    }

    private static List<String> ids(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("content").findValuesAsString("alert_id");
    }
}
