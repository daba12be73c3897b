package org.steambytes.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void describesTheRealEndpointsSchemasAndKeyPublicly() {
        ServiceClient.Answer docs = new ServiceClient(port).get("/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/sites/{siteId}/sensors")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/sites/{siteId}/latest")).isTrue();
        assertThat(docs.json().path("components").path("securitySchemes").path("apiKey").path("name").asString())
                .isEqualTo("X-API-Key");
        assertThat(docs.body()).contains("notification_emails").contains("expected_interval_s");
        assertThat(new ServiceClient(port).get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
