package org.steambytes.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

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

/** ai-processor unreachable: the settings answer 503 with Retry-After, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.ai-processor-url=http://127.0.0.1:9") // nothing listens there
class AnalyticsSettingsUnavailableTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void readingAndChangingAnswer503WhenAiProcessorIsUnreachable() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String path = "/api/v1/sites/" + site.siteId() + "/analytics-config";

        for (Answer answer : new Answer[] {
                new ServiceClient(port).send("GET", path, null, "X-API-Key", admin),
                new ServiceClient(port).send("PUT", path, "{\"window_minutes\": 30}", "X-API-Key", admin)}) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asString()).isEqualTo("analytics_unavailable");
        }
    }
}
