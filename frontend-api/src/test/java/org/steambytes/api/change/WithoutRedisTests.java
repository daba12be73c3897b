package org.steambytes.api.change;

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

/**
 * frontend-api with Redis unreachable from the start (nothing listens on its port): it starts and
 * answers, and since its changes channel never works it remembers nothing — a key revoked where this
 * replica cannot hear of it (here: in PostgreSQL) is refused at the very next request — and a site's open
 * alerts come from PostgreSQL, since alert-service's document of them cannot be read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WithoutRedisTests {

    @DynamicPropertySource
    static void realStoresButRedis(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:1");
    }

    @LocalServerPort
    int port;

    @Test
    void startsAnswersAndHoldsARevocationAtTheNextRequest() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        ServiceClient client = new ServiceClient(port);
        String path = "/api/v1/sites/" + site.siteId() + "/latest";
        for (int i = 0; i < 3; i++) {
            assertThat(client.send("GET", path, null, "X-API-Key", reader).status()).isEqualTo(200);
        }

        Fixtures.execute("UPDATE api_keys SET revoked_at = now() WHERE key_hash = '" + Fixtures.sha256Hex(reader) + "'");

        assertThat(client.send("GET", path, null, "X-API-Key", reader).status()).isEqualTo(401);
    }

    @Test
    void answersASitesOpenAlertsFromPostgreSqlWithoutTheOpenAlertsDocument() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        UUID alert = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at) VALUES ('"
                + alert + "', '" + site.siteId() + "', 'site_lost', 'open', 'high', 'all sensors silent', now())");
        ServiceClient client = new ServiceClient(port);

        for (int i = 0; i < 2; i++) { // the first after a failed read, then while Redis is not asked
            Answer list = client.send("GET", "/api/v1/alerts?site_id=" + site.siteId() + "&state=open", null, "X-API-Key",
                    reader);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.json().path("content").get(0).path("alert_id").asString()).isEqualTo(alert.toString());
            assertThat(list.json().path("page").path("total_elements").asLong()).isEqualTo(1);
        }
    }
}
