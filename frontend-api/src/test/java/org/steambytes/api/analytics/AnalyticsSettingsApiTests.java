package org.steambytes.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

/** A site's analytics settings through frontend-api → the real ai-processor (in this process) → PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsSettingsApiTests {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.ai-processor-url", InProcessServices::aiProcessorUrl);
    }

    @LocalServerPort
    int port;

    @Test
    void anAdminReadsTheDefaultsAndChangesSomeFieldsKeepingTheOthers() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());

        Answer defaults = send(admin, "GET", site, null);
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.json().path("site_id").asString()).isEqualTo(site.siteId());
        assertThat(defaults.json().path("zscore_threshold").asDouble()).isEqualTo(3.5);
        assertThat(defaults.json().path("updated_at").isNull()).isTrue();

        Answer changed = send(admin, "PUT", site, "{\"calorific_value_mj\": 36.0, \"cusum_h_sigma\": 8}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("calorific_value_mj").asDouble()).isEqualTo(36.0);
        assertThat(changed.json().path("cusum_h_sigma").asDouble()).isEqualTo(8.0);
        assertThat(changed.json().path("window_minutes")).isEqualTo(defaults.json().path("window_minutes"));
        assertThat(Fixtures.countText("SELECT calorific_value_mj || '|' || cusum_h_sigma FROM analytics_configs"
                + " WHERE site_id = '" + site.siteId() + "'")).isEqualTo("36|8");

        Answer again = send(admin, "GET", site, null);
        assertThat(again.header()).as("never from the response cache").isNull();
        assertThat(again.json()).isEqualTo(changed.json());
        assertThat(send(admin, "PUT", site, "{\"calorific_value_mj\": null}").json().path("calorific_value_mj").isNull())
                .isTrue();
    }

    @Test
    void aiProcessorsRefusalReachesTheCallerWithTheField() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());

        Answer refused = send(admin, "PUT", site, "{\"ewma_lambda\": 1.5, \"efficiency_basis\": \"lhv\", \"colour\": 1}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("code").asString()).isEqualTo("validation_failed");
        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("ewma_lambda", "efficiency_basis", "colour");
        assertThat(problem.toString()).doesNotContain("/internal/");
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_configs WHERE site_id = '" + site.siteId() + "'")).isZero();

        Answer notJson = send(admin, "PUT", site, "{\"window_minutes\": ");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminOfTheSiteReadsOrChangesTheSettings() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        String readerOfA = Fixtures.apiKey("reader", false, a.siteId());
        String adminOfA = Fixtures.apiKey("admin", false, a.siteId());

        assertThat(send(readerOfA, "GET", a, null).status()).isEqualTo(403);
        assertThat(send(readerOfA, "PUT", a, "{\"window_minutes\": 30}").status()).isEqualTo(403);
        assertThat(send(adminOfA, "GET", b, null).status()).isEqualTo(404);
        assertThat(send(adminOfA, "PUT", b, "{\"window_minutes\": 30}").status()).isEqualTo(404);
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_configs WHERE site_id = '" + b.siteId() + "'")).isZero();
    }

    private Answer send(String key, String method, SiteFixture site, String body) {
        return new ServiceClient(port).send(method, "/api/v1/sites/" + site.siteId() + "/analytics-config", body,
                "X-API-Key", key);
    }
}
