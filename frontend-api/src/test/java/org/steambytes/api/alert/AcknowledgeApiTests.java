package org.steambytes.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.api.InProcessServices;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;

/** Acknowledging through frontend-api → the real alert-service (in this JVM) → PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AcknowledgeApiTests {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.alert-service-url", InProcessServices::alertServiceUrl);
    }

    @LocalServerPort
    int port;

    @Test
    void anAdminAcknowledgesAnOpenAlertAndTheEventNamesTheKey() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsApiTests.alert(site.siteId(), "open", 3);
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String keyId = Fixtures.countText("SELECT key_id::text FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(admin) + "'");

        Answer answer = new ServiceClient(port).send("POST", "/api/v1/alerts/" + alert + "/acknowledge",
                "{\"note\": \"burner tripped, on it\"}", "X-API-Key", admin);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("state").asString()).isEqualTo("acknowledged");
        assertThat(answer.json().path("acknowledged_by").asString()).isEqualTo("api-key:" + keyId);
        assertThat(Fixtures.countText("SELECT transition || '|' || actor || '|' || note FROM alert_events WHERE alert_id = '"
                + alert + "'")).isEqualTo("acknowledged|api-key:" + keyId + "|burner tripped, on it");
        assertThat(Fixtures.count("SELECT count(*) FROM notification_outbox WHERE alert_id = '" + alert + "'"))
                .as("the acknowledgement e-mail is queued").isEqualTo(1);
    }

    @Test
    void aResolvedAlertCannotBeAcknowledged() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsApiTests.alert(site.siteId(), "resolved", 3);

        Answer answer = new ServiceClient(port).send("POST", "/api/v1/alerts/" + alert + "/acknowledge", "{}",
                "X-API-Key", Fixtures.apiKey("admin", false, site.siteId()));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("alert_not_acknowledgeable");
        assertThat(Fixtures.countText("SELECT state FROM alerts WHERE alert_id = '" + alert + "'")).isEqualTo("resolved");
    }
}
