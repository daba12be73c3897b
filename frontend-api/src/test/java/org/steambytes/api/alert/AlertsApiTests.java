package org.steambytes.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Alerts as alert-service stores them, read through the API; acknowledging while alert-service is down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.alert-service-url=http://127.0.0.1:9")
class AlertsApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void listsAlertsNewestFirstWithinTheScopeAndFilters() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        UUID older = alert(a.siteId(), "resolved", 60);
        UUID newer = alert(a.siteId(), "open", 5);
        UUID elsewhere = alert(b.siteId(), "open", 1);
        String reader = Fixtures.apiKey("reader", false, a.siteId());
        ServiceClient client = new ServiceClient(port);

        Answer all = client.send("GET", "/api/v1/alerts", null, "X-API-Key", reader);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("content").get(0).path("alert_id").asString()).isEqualTo(newer.toString());
        assertThat(all.json().path("content").get(1).path("alert_id").asString()).isEqualTo(older.toString());
        assertThat(all.body()).doesNotContain(elsewhere.toString());

        Answer open = client.send("GET", "/api/v1/alerts?site_id=" + a.siteId() + "&state=open", null,
                "X-API-Key", reader);
        assertThat(open.json().path("content")).hasSize(1);
        assertThat(open.json().path("content").get(0).path("severity").asString()).isEqualTo("high");
        assertThat(client.send("GET", "/api/v1/alerts?site_id=" + b.siteId(), null, "X-API-Key", reader).status())
                .isEqualTo(404);
        assertThat(client.send("GET", "/api/v1/alerts?state=sleeping", null, "X-API-Key", reader).status())
                .isEqualTo(400);
        assertThat(client.send("GET", "/api/v1/alerts/" + elsewhere, null, "X-API-Key", reader).status())
                .isEqualTo(404);
    }

    @Test
    void answers503AndChangesNothingWhenAlertServiceIsUnreachable() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = alert(site.siteId(), "open", 1);
        String admin = Fixtures.apiKey("admin", false, site.siteId());

        Answer answer = new ServiceClient(port).send("POST", "/api/v1/alerts/" + alert + "/acknowledge",
                "{\"note\": \"on it\"}", "X-API-Key", admin);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("alert_service_unavailable");
        assertThat(Fixtures.countText("SELECT state FROM alerts WHERE alert_id = '" + alert + "'")).isEqualTo("open");
    }

    static UUID alert(String siteId, String state, int minutesAgo) {
        UUID id = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at, resolved_at)"
                + " VALUES ('" + id + "', '" + siteId + "', 'site_lost', '" + state + "', 'high', 'all sensors silent',"
                + " now() - interval '" + minutesAgo + " minutes', "
                + (state.equals("resolved") ? "now()" : "NULL") + ")");
        return id;
    }
}
