package org.steambytes.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.TestSecrets;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shelving through frontend-api against alert-service's shelve contract, played by a small HTTP server
 * that answers as the contract says (and, for a 200, changes the row as alert-service would): what is
 * forwarded, what comes back, what is refused before alert-service is asked. ShelveApiTests goes through
 * the real alert-service once it has the endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShelveContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ContractStub ALERT_SERVICE = new ContractStub();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.alert-service-url", ALERT_SERVICE::url);
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetEarlierRequests() {
        ALERT_SERVICE.received.clear();
        ALERT_SERVICE.answer(200, null);
    }

    @Test
    void shelvingForwardsUntilReasonAndWhoAndAnswersTheShelvedAlert() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsApiTests.alert(site.siteId(), "open", 3);
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        Instant until = Instant.now().plus(Duration.ofHours(4)).truncatedTo(ChronoUnit.SECONDS);

        Answer answer = shelve(admin, alert, "{\"until\": \"" + until + "\", \"reason\": \"burner service until 18:00\"}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("alert_id").asString()).isEqualTo(alert.toString());
        assertThat(Instant.parse(answer.json().path("shelved_until").asString())).isEqualTo(until);
        assertThat(answer.json().path("shelve_reason").asString()).isEqualTo("burner service until 18:00");
        assertThat(answer.json().path("state").asString()).isEqualTo("open");
        Received request = ALERT_SERVICE.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/internal/v1/alerts/" + alert + "/shelve");
        assertThat(request.authorization()).isEqualTo("Bearer " + TestSecrets.INTERNAL_TOKEN);
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.propertyNames()).containsExactly("until", "reason", "who");
        assertThat(Instant.parse(body.path("until").asString())).isEqualTo(until);
        assertThat(body.path("reason").asString()).isEqualTo("burner service until 18:00");
        assertThat(body.path("who").asString()).isEqualTo("api-key:" + keyId(admin));

        Answer epochMillis = shelve(admin, alert, "{\"until\": " + until.toEpochMilli() + ", \"reason\": \"again\"}");
        assertThat(epochMillis.status()).as(epochMillis.body()).isEqualTo(200);
        assertThat(Instant.parse(JSON.readTree(ALERT_SERVICE.received.get(1).body()).path("until").asString())).isEqualTo(until);
    }

    @Test
    void unshelvingForwardsWhoAndAnswersTheAlert() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsApiTests.alert(site.siteId(), "open", 3);
        Fixtures.execute("UPDATE alerts SET shelved_until = now() + interval '1 hour', shelve_reason = 'x'"
                + " WHERE alert_id = '" + alert + "'");
        String admin = Fixtures.apiKey("admin", false, site.siteId());

        Answer answer = new ServiceClient(port).send("DELETE", "/api/v1/alerts/" + alert + "/shelve", null, "X-API-Key", admin);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("shelved_until").isNull()).isTrue();
        Received request = ALERT_SERVICE.only();
        assertThat(request.method()).isEqualTo("DELETE");
        assertThat(request.path()).isEqualTo("/internal/v1/alerts/" + alert + "/shelve");
        assertThat(request.query()).isEqualTo("who=api-key:" + keyId(admin));
    }

    @Test
    void alertServicesRefusalsReachTheCallerWithTheirCodeAndField() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsApiTests.alert(site.siteId(), "open", 3);
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String valid = "{\"until\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\", \"reason\": \"service\"}";

        ALERT_SERVICE.answer(409, problem(409, "alert_not_shelvable", "Alert is resolved.", null));
        assertThat(code(shelve(admin, alert, valid), 409)).isEqualTo("alert_not_shelvable");

        ALERT_SERVICE.answer(409, problem(409, "alert_not_shelved", "Alert is not shelved.", null));
        assertThat(code(new ServiceClient(port).send("DELETE", "/api/v1/alerts/" + alert + "/shelve", null,
                "X-API-Key", admin), 409)).isEqualTo("alert_not_shelved");

        ALERT_SERVICE.answer(422, problem(422, "validation_failed", "1 field is invalid.", "until"));
        Answer refused = shelve(admin, alert, valid);
        assertThat(code(refused, 422)).isEqualTo("validation_failed");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("until");

        ALERT_SERVICE.answer(404, problem(404, "alert_not_found", "No alert.", null));
        assertThat(code(shelve(admin, alert, valid), 404)).isEqualTo("alert_not_found");

        ALERT_SERVICE.answer(404, problem(404, "not_found", "Not Found", null)); // an alert-service without the route
        Answer older = shelve(admin, alert, valid);
        assertThat(code(older, 503)).isEqualTo("alert_service_unavailable");

        ALERT_SERVICE.answer(500, problem(500, "internal_error", "boom", null));
        assertThat(code(shelve(admin, alert, valid), 503)).isEqualTo("alert_service_unavailable");
    }

    @Test
    void refusesABadUntilOrReasonNamingTheFieldWithoutAskingAlertService() {
        SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsApiTests.alert(site.siteId(), "open", 3);
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        Instant now = Instant.now();

        assertThat(fields(shelve(admin, alert, "{\"until\": \"" + now.minusSeconds(60) + "\", \"reason\": \"r\"}")))
                .containsExactly("until");
        assertThat(fields(shelve(admin, alert, "{\"until\": \"" + now.plus(Duration.ofDays(7)).plusSeconds(60)
                + "\", \"reason\": \"r\"}"))).containsExactly("until");
        assertThat(fields(shelve(admin, alert, "{\"until\": \"tomorrow\", \"reason\": \"r\"}"))).containsExactly("until");
        assertThat(fields(shelve(admin, alert, "{\"until\": \"" + now.plusSeconds(3600) + "\"}"))).containsExactly("reason");
        assertThat(fields(shelve(admin, alert, "{\"until\": \"" + now.plusSeconds(3600) + "\", \"reason\": \" \"}")))
                .containsExactly("reason");
        assertThat(fields(shelve(admin, alert, "{\"until\": \"" + now.plusSeconds(3600) + "\", \"reason\": \""
                + "r".repeat(501) + "\"}"))).containsExactly("reason");
        assertThat(fields(shelve(admin, alert, "{}"))).containsExactlyInAnyOrder("until", "reason");
        assertThat(fields(new ServiceClient(port).send("POST", "/api/v1/alerts/" + alert + "/shelve", null,
                "X-API-Key", admin))).containsExactlyInAnyOrder("until", "reason");
        assertThat(ALERT_SERVICE.received).isEmpty();
    }

    @Test
    void anAlertOutsideTheScopeIsNotFoundAndReadersCannotShelve() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        UUID alertOfB = AlertsApiTests.alert(b.siteId(), "open", 3);
        UUID alertOfA = AlertsApiTests.alert(a.siteId(), "open", 3);
        String valid = "{\"until\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\", \"reason\": \"service\"}";

        assertThat(shelve(Fixtures.apiKey("admin", false, a.siteId()), alertOfB, valid).status()).isEqualTo(404);
        assertThat(shelve(Fixtures.apiKey("reader", false, a.siteId()), alertOfA, valid).status()).isEqualTo(403);
        assertThat(new ServiceClient(port).send("DELETE", "/api/v1/alerts/" + alertOfB + "/shelve", null,
                "X-API-Key", Fixtures.apiKey("admin", false, a.siteId())).status()).isEqualTo(404);
        assertThat(ALERT_SERVICE.received).isEmpty();
    }

    private Answer shelve(String key, UUID alert, String body) {
        return new ServiceClient(port).send("POST", "/api/v1/alerts/" + alert + "/shelve", body, "X-API-Key", key);
    }

    private static String code(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("/internal/");
        return answer.json().path("code").asString();
    }

    private static List<String> fields(Answer answer) {
        assertThat(code(answer, 422)).isEqualTo("validation_failed");
        return answer.json().path("errors").findValuesAsString("field");
    }

    private static String problem(int status, String code, String detail, String field) {
        return "{\"type\": \"urn:steambytes:problem:" + code + "\", \"title\": \"t\", \"status\": " + status
                + ", \"detail\": \"" + detail + "\", \"instance\": \"/internal/v1/alerts/x/shelve\", \"code\": \"" + code + "\""
                + (field == null ? "" : ", \"errors\": [{\"field\": \"" + field + "\", \"message\": \"must be at most 7 days ahead\"}]")
                + "}";
    }

    private static String keyId(String key) {
        return Fixtures.countText("SELECT key_id::text FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(key) + "'");
    }

    record Received(String method, String path, String query, String authorization, String body) {
    }

    /** alert-service's shelve endpoints as the contract states them; a 200 changes the row as alert-service would. */
    static final class ContractStub {

        final List<Received> received = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private volatile int status;
        private volatile String problem;

        ContractStub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void answer(int status, String problem) {
            this.status = status;
            this.problem = problem;
        }

        Received only() {
            assertThat(received).hasSize(1);
            return received.get(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query == null ? null : URLDecoder.decode(query, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("Authorization"), body);
            received.add(request);
            String alertId = request.path().split("/")[4];
            String answer;
            if (status == 200) {
                if (request.method().equals("POST")) {
                    JsonNode shelving = JSON.readTree(body);
                    Fixtures.execute("UPDATE alerts SET shelved_until = '" + shelving.path("until").asString()
                            + "', shelve_reason = '" + shelving.path("reason").asString().replace("'", "''")
                            + "' WHERE alert_id = '" + alertId + "'");
                } else {
                    Fixtures.execute("UPDATE alerts SET shelved_until = NULL, shelve_reason = NULL WHERE alert_id = '"
                            + alertId + "'");
                }
                answer = "{\"alert_id\": \"" + alertId + "\"}";
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            } else {
                answer = problem;
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }
}
