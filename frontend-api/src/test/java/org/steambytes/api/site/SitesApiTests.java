package org.steambytes.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;

/** Sites, sensors, gateways and API keys over real HTTP against the real PostgreSQL, with key scopes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.admin-api-key=bootstrap-admin-key-for-tests-0123456789")
class SitesApiTests {

    private static final String BOOTSTRAP_KEY = "bootstrap-admin-key-for-tests-0123456789";

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    private ServiceClient client;
    private String siteA;
    private String siteB;

    @BeforeEach
    void twoSites() {
        client = new ServiceClient(port);
        siteA = "plant-" + UUID.randomUUID().toString().substring(0, 8);
        siteB = "plant-" + UUID.randomUUID().toString().substring(0, 8);
        for (String site : new String[] {siteA, siteB}) {
            Answer created = as(BOOTSTRAP_KEY, "POST", "/api/v1/sites", """
                    {"site_id": "%s", "name": "Plant", "timezone": "Europe/Berlin", "fuel_type": "natural_gas",
                     "notification_emails": ["oncall@example.com"]}""".formatted(site));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @Test
    void createsASiteWithSensorsAndAGatewayWhoseTokenIsShownOnceAndStoredHashed() {
        Answer site = as(BOOTSTRAP_KEY, "GET", "/api/v1/sites/" + siteA, null);
        assertThat(site.json().path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(site.json().path("notification_emails").get(0).asString()).isEqualTo("oncall@example.com");

        Answer sensor = as(BOOTSTRAP_KEY, "POST", "/api/v1/sites/" + siteA + "/sensors", """
                {"sensor_id": "b1-steam-pressure", "sensor_type": "steam_pressure", "unit": "bar",
                 "min_valid": -1, "max_valid": 250, "expected_interval_s": 10}""");
        assertThat(sensor.status()).as(sensor.body()).isEqualTo(201);
        assertThat(sensor.json().path("max_valid").asDouble()).isEqualTo(250.0);

        Answer gateway = as(BOOTSTRAP_KEY, "POST", "/api/v1/sites/" + siteA + "/gateways", "{\"name\": \"gw-1\"}");
        assertThat(gateway.status()).as(gateway.body()).isEqualTo(201);
        String token = gateway.json().path("token").asString();
        String gatewayId = gateway.json().path("gateway_id").asString();
        assertThat(token).startsWith("gw_").hasSizeGreaterThan(40);
        assertThat(Fixtures.count("SELECT count(*) FROM gateways WHERE gateway_id = '" + gatewayId
                + "' AND token_hash = '" + Fixtures.sha256Hex(token) + "'")).isEqualTo(1);
        Answer list = as(BOOTSTRAP_KEY, "GET", "/api/v1/sites/" + siteA + "/gateways", null);
        assertThat(list.body()).contains(gatewayId).doesNotContain(token);

        assertThat(as(BOOTSTRAP_KEY, "DELETE", "/api/v1/sites/" + siteA + "/gateways/" + gatewayId, null).status())
                .isEqualTo(204);
        assertThat(Fixtures.count("SELECT count(*) FROM gateways WHERE gateway_id = '" + gatewayId
                + "' AND revoked_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void aReaderSeesOnlyItsSitesAndCannotChangeThem() {
        String reader = Fixtures.apiKey("reader", false, siteA);

        assertThat(as(reader, "GET", "/api/v1/sites/" + siteA, null).status()).isEqualTo(200);
        Answer unseen = as(reader, "GET", "/api/v1/sites/" + siteB, null);
        assertThat(unseen.status()).isEqualTo(404);
        assertThat(unseen.contentType()).startsWith("application/problem+json");
        assertThat(as(reader, "GET", "/api/v1/sites/" + siteB + "/sensors", null).status()).isEqualTo(404);
        Answer listed = as(reader, "GET", "/api/v1/sites?size=500", null);
        assertThat(listed.body()).contains(siteA).doesNotContain(siteB);
        assertThat(listed.json().path("page").path("total_elements").asInt()).isEqualTo(1);
        Answer badSort = as(reader, "GET", "/api/v1/sites?sort=nonsense", null);
        assertThat(badSort.status()).as(badSort.body()).isEqualTo(400);
        assertThat(badSort.json().path("errors").get(0).path("field").asString()).isEqualTo("sort");

        Answer write = as(reader, "POST", "/api/v1/sites/" + siteA + "/sensors", """
                {"sensor_id": "x1", "sensor_type": "steam_pressure", "unit": "bar", "min_valid": 0, "max_valid": 1}""");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().path("code").asString()).isEqualTo("forbidden");
        assertThat(as(reader, "GET", "/api/v1/api-keys", null).status()).isEqualTo(403);
    }

    @Test
    void anAdminOfOneSiteCannotReachOrCreateOthers() {
        String admin = Fixtures.apiKey("admin", false, siteA);

        assertThat(as(admin, "PUT", "/api/v1/sites/" + siteB, "{\"name\": \"mine now\"}").status()).isEqualTo(404);
        assertThat(as(admin, "DELETE", "/api/v1/sites/" + siteB, null).status()).isEqualTo(404);
        assertThat(as(admin, "POST", "/api/v1/sites", "{\"site_id\": \"plant-new\", \"name\": \"N\"}").status())
                .isEqualTo(403);
        Answer escalation = as(admin, "POST", "/api/v1/api-keys",
                "{\"name\": \"sneaky\", \"role\": \"admin\", \"site_ids\": [\"" + siteB + "\"]}");
        assertThat(escalation.status()).isEqualTo(422);
        Answer ownKey = as(admin, "POST", "/api/v1/api-keys",
                "{\"name\": \"erp\", \"role\": \"reader\", \"site_ids\": [\"" + siteA + "\"]}");
        assertThat(ownKey.status()).as(ownKey.body()).isEqualTo(201);
        String issued = ownKey.json().path("key").asString();
        assertThat(as(issued, "GET", "/api/v1/sites/" + siteA, null).status()).isEqualTo(200);
        assertThat(Fixtures.count("SELECT count(*) FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(issued)
                + "' AND last_used_at IS NOT NULL")).isEqualTo(1);

        String keyId = ownKey.json().path("key_id").asString();
        assertThat(as(admin, "DELETE", "/api/v1/api-keys/" + keyId, null).status()).isEqualTo(204);
        assertThat(as(issued, "GET", "/api/v1/sites/" + siteA, null).status()).isEqualTo(401);
    }

    @Test
    void refusesMissingAndUnknownKeysWithProblems() {
        Answer none = client.send("GET", "/api/v1/sites", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        Answer unknown = as("sbk_nope", "GET", "/api/v1/sites", null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail").asString()).contains("Unknown or revoked API key");
    }

    @Test
    void validatesSlugsRangesAndTimeZonesNamingTheField() {
        Answer badSlug = as(BOOTSTRAP_KEY, "POST", "/api/v1/sites", "{\"site_id\": \"Plant A\", \"name\": \"x\"}");
        assertThat(badSlug.status()).isEqualTo(422);
        assertThat(badSlug.json().path("errors").get(0).path("field").asString()).isEqualTo("site_id");

        Answer badZone = as(BOOTSTRAP_KEY, "PUT", "/api/v1/sites/" + siteA,
                "{\"name\": \"x\", \"timezone\": \"Mars/Olympus\"}");
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.json().path("errors").get(0).path("field").asString()).isEqualTo("timezone");

        Answer badRange = as(BOOTSTRAP_KEY, "POST", "/api/v1/sites/" + siteA + "/sensors", """
                {"sensor_id": "p1", "sensor_type": "steam_pressure", "unit": "bar", "min_valid": 5, "max_valid": 1}""");
        assertThat(badRange.status()).isEqualTo(422);
        assertThat(badRange.json().path("errors").get(0).path("field").asString()).isEqualTo("max_valid");
        assertThat(badRange.json().path("errors").get(0).path("message").asString()).isEqualTo("must be above min_valid");

        Answer duplicate = as(BOOTSTRAP_KEY, "POST", "/api/v1/sites",
                "{\"site_id\": \"" + siteA + "\", \"name\": \"again\"}");
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void refusesToDeleteASiteWithDataUnlessForced() {
        as(BOOTSTRAP_KEY, "POST", "/api/v1/sites/" + siteA + "/sensors", """
                {"sensor_id": "p1", "sensor_type": "steam_pressure", "unit": "bar", "min_valid": 0, "max_valid": 20}""");
        Answer refused = as(BOOTSTRAP_KEY, "DELETE", "/api/v1/sites/" + siteA, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asString()).isEqualTo("site_has_data");

        assertThat(as(BOOTSTRAP_KEY, "DELETE", "/api/v1/sites/" + siteA + "?force=true", null).status()).isEqualTo(204);
        assertThat(as(BOOTSTRAP_KEY, "GET", "/api/v1/sites/" + siteA, null).status()).isEqualTo(404);
        assertThat(Fixtures.count("SELECT count(*) FROM sensors WHERE site_id = '" + siteA + "'")).isZero();
        assertThat(as(BOOTSTRAP_KEY, "DELETE", "/api/v1/sites/" + siteB, null).status()).isEqualTo(204);
    }

    private Answer as(String key, String method, String path, String body) {
        return client.send(method, path, body, "X-API-Key", key);
    }
}
