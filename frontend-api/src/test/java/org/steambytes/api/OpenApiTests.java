package org.steambytes.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

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

    @Test
    void statesTheStatusesAndParametersTheApiReallyUses() {
        JsonNode paths = new ServiceClient(port).get("/v3/api-docs").json().path("paths");

        assertThat(paths.path("/api/v1/sites").path("post").path("responses").propertyNames()).contains("201")
                .doesNotContain("200");
        assertThat(paths.path("/api/v1/sites/{siteId}").path("delete").path("responses").propertyNames()).contains("204")
                .doesNotContain("200");
        assertThat(paths.path("/api/v1/sites").path("get").path("parameters").findValuesAsString("name"))
                .contains("page", "size", "sort").doesNotContain("pageable");
        assertThat(paths.path("/api/v1/users").path("get").path("parameters").findValuesAsString("name"))
                .contains("page", "size");
        assertThat(paths.has("/error")).as("Spring's error route is not part of the API").isFalse();
    }

    @Test
    void describesTheErrorsEachOperationGivesAsProblemJson() {
        JsonNode paths = new ServiceClient(port).get("/v3/api-docs").json().path("paths");

        JsonNode history = paths.path("/api/v1/sites/{siteId}/sensors/{sensorId}/readings").path("get");
        assertThat(history.path("parameters").findValuesAsString("name"))
                .contains("from", "to", "interval", "aggregate", "tz");
        assertThat(history.path("responses").propertyNames()).contains("200", "401", "404", "400", "422", "503")
                .doesNotContain("403", "409");
        JsonNode createSite = paths.path("/api/v1/sites").path("post").path("responses");
        assertThat(createSite.propertyNames()).contains("401", "403", "409", "422");
        assertThat(createSite.path("422").path("content").path("application/problem+json").path("schema").path("$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
        List<String> undocumented = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getValue().path("responses").has("401")) {
                undocumented.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertThat(undocumented).as("every operation documents 401").isEmpty();
    }
    @Test
    void describesTheAnalyticsAndShelvingRoutes() {
        JsonNode docs = new ServiceClient(port).get("/v3/api-docs").json();
        JsonNode paths = docs.path("paths");

        JsonNode settings = paths.path("/api/v1/sites/{siteId}/analytics-config");
        assertThat(settings.path("get").path("responses").propertyNames()).contains("200", "401", "403", "404", "503");
        assertThat(settings.path("put").path("responses").propertyNames()).contains("200", "403", "422", "503");
        assertThat(settings.path("put").path("requestBody").toString()).contains("AnalyticsSettings");
        assertThat(docs.path("components").path("schemas").path("AnalyticsSettings").path("properties").propertyNames())
                .contains("window_minutes", "cusum_k_sigma", "cusum_h_sigma", "siegert_a2", "air_temperature_c");
        assertThat(paths.path("/api/v1/sites/{siteId}/anomalies").path("get").path("parameters").findValuesAsString("name"))
                .contains("from", "to", "sensor_id", "detector", "page", "size");
        assertThat(paths.path("/api/v1/sites/{siteId}/efficiency").path("get").path("parameters").findValuesAsString("name"))
                .contains("from", "to");
        JsonNode shelve = paths.path("/api/v1/alerts/{alertId}/shelve");
        assertThat(shelve.path("post").path("responses").propertyNames()).contains("200", "403", "404", "409", "422", "503");
        assertThat(shelve.path("delete").path("responses").propertyNames()).contains("200", "403", "404", "409", "503");
        assertThat(docs.toString()).contains("shelved_until", "shelve_reason", "clear_after_s", "floor_pct", "direct_pct",
                "combustion_not_computed", "anomaly_id");
    }

    @Test
    void describesTheDashboardRoutesAndTheUserToken() {
        JsonNode docs = new ServiceClient(port).get("/v3/api-docs").json();
        JsonNode paths = docs.path("paths");

        assertThat(docs.path("components").path("securitySchemes").path("userToken").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.path("security").toString()).contains("apiKey").contains("userToken");
        JsonNode windows = paths.path("/api/v1/sites/{siteId}/maintenance-windows");
        assertThat(windows.path("post").path("responses").propertyNames()).contains("201", "401", "403", "404", "422")
                .doesNotContain("200");
        assertThat(windows.path("get").path("parameters").findValuesAsString("name")).contains("ends_after", "page", "size");
        JsonNode window = paths.path("/api/v1/sites/{siteId}/maintenance-windows/{windowId}");
        assertThat(window.path("put").path("responses").propertyNames()).contains("200", "403", "404", "422");
        assertThat(window.path("delete").path("responses").propertyNames()).contains("204", "403", "404");
        assertThat(paths.path("/api/v1/alerts").path("get").path("parameters").findValuesAsString("name"))
                .contains("site_id", "state", "severity");
        assertThat(paths.path("/api/v1/alerts/{alertId}/events").path("get").path("responses").propertyNames())
                .contains("200", "401", "404");
        assertThat(paths.path("/api/v1/site-summaries").path("get").path("responses").propertyNames()).contains("200", "401");
        assertThat(paths.path("/api/v1/me").path("get").path("responses").propertyNames()).contains("200", "401");
        assertThat(docs.toString()).contains("highest_open_severity", "last_reading_at", "direct_pct", "window_id",
                "created_by", "suppressed_reason", "email_kind", "all_sites");
    }
}
