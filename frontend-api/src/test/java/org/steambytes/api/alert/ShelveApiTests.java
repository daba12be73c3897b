package org.steambytes.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;

/** Shelving through frontend-api → the real alert-service (in this JVM) → PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShelveApiTests {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.alert-service-url", InProcessServices::alertServiceUrl);
    }

    @LocalServerPort
    int port;

    @Test
    void anAdminShelvesAnOpenAlertUntilATimeAndUnshelvesIt() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsApiTests.alert(site.siteId(), "open", 3);
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String keyId = Fixtures.countText("SELECT key_id::text FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(admin) + "'");
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        Answer shelved = new ServiceClient(port).send("POST", "/api/v1/alerts/" + alert + "/shelve",
                "{\"until\": \"" + until + "\", \"reason\": \"burner service\"}", "X-API-Key", admin);

        assertThat(shelved.status()).as(shelved.body()).isEqualTo(200);
        assertThat(Instant.parse(shelved.json().path("shelved_until").asString())).isEqualTo(until);
        assertThat(shelved.json().path("shelve_reason").asString()).isEqualTo("burner service");
        assertThat(shelved.json().path("state").asString()).isEqualTo("open");
        assertThat(Fixtures.countText("SELECT transition || '|' || actor FROM alert_events WHERE alert_id = '" + alert
                + "' AND transition = 'shelved'")).isEqualTo("shelved|api-key:" + keyId);

        Answer unshelved = new ServiceClient(port).send("DELETE", "/api/v1/alerts/" + alert + "/shelve", null,
                "X-API-Key", admin);

        assertThat(unshelved.status()).as(unshelved.body()).isEqualTo(200);
        assertThat(unshelved.json().path("shelved_until").isNull()).isTrue();
        assertThat(Fixtures.count("SELECT count(*) FROM alert_events WHERE alert_id = '" + alert
                + "' AND transition = 'unshelved'")).isEqualTo(1);
        Answer again = new ServiceClient(port).send("DELETE", "/api/v1/alerts/" + alert + "/shelve", null,
                "X-API-Key", admin);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asString()).isEqualTo("alert_not_shelved");
    }

    @Test
    void aResolvedAlertCannotBeShelvedAndAlertServicesFieldComesBack() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID resolved = AlertsApiTests.alert(site.siteId(), "resolved", 3);
        String admin = Fixtures.apiKey("admin", false, site.siteId());

        Answer answer = new ServiceClient(port).send("POST", "/api/v1/alerts/" + resolved + "/shelve",
                "{\"until\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\", \"reason\": \"x\"}", "X-API-Key", admin);

        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.json().path("code").asString()).isEqualTo("alert_not_shelvable");
        assertThat(Fixtures.countText("SELECT coalesce(shelved_until::text, 'none') FROM alerts WHERE alert_id = '"
                + resolved + "'")).isEqualTo("none");
    }
}
