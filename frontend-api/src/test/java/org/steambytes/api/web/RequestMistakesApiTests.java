package org.steambytes.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.web.PageableDefault;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/**
 * Requests that once got a 500, a wrong status or a silent surprise (from a review that tried them on the
 * running service): each now gets a problem naming the field, or keeps what the client did not mention.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestMistakesApiTests {

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    /** A controller-like method, only for its parameter's annotations. */
    @SuppressWarnings("unused")
    private static void listing(@PageableDefault(size = 7, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
    }

    @Test
    void aPageableIsResolvedByTheResolverThatRemembersItsAnnotationsWithTheirDefaultsIntact() throws Exception {
        MethodParameter pageable = new MethodParameter(
                RequestMistakesApiTests.class.getDeclaredMethod("listing", Pageable.class), 0);
        HandlerMethodArgumentResolver first = handlerAdapter.getArgumentResolvers().stream()
                .filter(resolver -> resolver.supportsParameter(pageable)).findFirst().orElseThrow();
        assertThat(first).isInstanceOf(PageableResolvers.RememberingPageableResolver.class);

        for (int round = 0; round < 2; round++) { // the second from memory
            Pageable resolved = (Pageable) first.resolveArgument(pageable, null,
                    new ServletWebRequest(
                            new MockHttpServletRequest("GET", "/x")), null);
            assertThat(resolved.getPageSize()).isEqualTo(7);
            assertThat(resolved.getSort()).isEqualTo(Sort.by(Sort.Direction.DESC, "createdAt"));
        }
        MockHttpServletRequest asked = new MockHttpServletRequest("GET", "/x");
        asked.addParameter("page", "3");
        asked.addParameter("size", "5");
        asked.addParameter("sort", "name,asc");
        Pageable resolved = (Pageable) first.resolveArgument(pageable, null,
                new ServletWebRequest(asked), null);
        assertThat(resolved.getPageNumber()).isEqualTo(3);
        assertThat(resolved.getPageSize()).isEqualTo(5);
        assertThat(resolved.getSort()).isEqualTo(Sort.by(Sort.Direction.ASC, "name"));
    }

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void aPasswordBcryptCannotReadWhollyIsNamedNotA500() {
        String admin = Fixtures.apiKey("admin", true);
        Answer tooManyCharacters = send(admin, "POST", "/api/v1/users", """
                {"username": "%s", "password": "%s", "role": "viewer", "all_sites": true}"""
                .formatted(username(), "p".repeat(100)));
        assertThat(fields(tooManyCharacters, 422)).containsExactly("password");

        String emoji = "\uD83D\uDD25".repeat(20); // 40 UTF-16 characters, 80 bytes
        Answer tooManyBytes = send(admin, "POST", "/api/v1/users", """
                {"username": "%s", "password": "%s", "role": "viewer", "all_sites": true}""".formatted(username(), emoji));
        assertThat(fields(tooManyBytes, 422)).containsExactly("password");
    }

    @Test
    void aPageBeyondAnyOffsetIsNamed() {
        String admin = Fixtures.apiKey("admin", true);
        Answer answer = send(admin, "GET", "/api/v1/sites?page=100000000&size=500", null);
        assertThat(fields(answer, 400)).containsExactly("page");
    }

    @Test
    void anUpdateKeepsWhatItLeavesOut() {
        SiteFixture site = Fixtures.boilerHouse(); // Europe/Berlin, oncall@example.com, sensors every 10 s
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String path = "/api/v1/sites/" + site.siteId();

        Answer renamed = send(admin, "PUT", path, "{\"name\": \"Boiler house 2\"}");

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asString()).isEqualTo("Boiler house 2");
        assertThat(renamed.json().path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(renamed.json().path("notification_emails").get(0).asString()).isEqualTo("oncall@example.com");

        Answer sensor = send(admin, "PUT", path + "/sensors/b1-steam-pressure", "{\"name\": \"Drum pressure\"}");
        assertThat(sensor.status()).as(sensor.body()).isEqualTo(200);
        assertThat(sensor.json().path("name").asString()).isEqualTo("Drum pressure");
        assertThat(sensor.json().path("expected_interval_s").asInt()).isEqualTo(10);
        assertThat(sensor.json().path("unit").asString()).isEqualTo("bar");
    }

    @Test
    void aScopeIsNeverWidenedByLeavingTheSitesOut() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", true);
        String username = username();
        Answer created = send(admin, "POST", "/api/v1/users", """
                {"username": "%s", "password": "correct horse battery", "role": "operator", "site_ids": ["%s"]}"""
                .formatted(username, site.siteId()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Answer roleChanged = send(admin, "PUT", "/api/v1/users/" + username, "{\"role\": \"viewer\"}");

        assertThat(roleChanged.status()).as(roleChanged.body()).isEqualTo(200);
        assertThat(roleChanged.json().path("all_sites").asBoolean()).isFalse();
        assertThat(roleChanged.json().path("site_ids").get(0).asString()).isEqualTo(site.siteId());

        Answer keyWithoutScope = send(admin, "POST", "/api/v1/api-keys", "{\"name\": \"erp\", \"role\": \"reader\"}");
        assertThat(fields(keyWithoutScope, 422)).containsExactly("site_ids");
        Answer keyOfAllSites = send(admin, "POST", "/api/v1/api-keys",
                "{\"name\": \"erp\", \"role\": \"reader\", \"all_sites\": true}");
        assertThat(keyOfAllSites.status()).as(keyOfAllSites.body()).isEqualTo(201);
        assertThat(keyOfAllSites.json().path("details").path("all_sites").asBoolean()).isTrue();
    }

    @Test
    void listsSortByTheFieldNamesClientsSee() {
        String admin = Fixtures.apiKey("admin", true);
        Answer byJsonName = send(admin, "GET", "/api/v1/sites?sort=site_id,desc&size=5", null);
        Answer byProperty = send(admin, "GET", "/api/v1/sites?sort=siteId,desc&size=5", null);
        assertThat(byJsonName.status()).as(byJsonName.body()).isEqualTo(200);
        assertThat(byJsonName.json().path("content")).isEqualTo(byProperty.json().path("content"));
        assertThat(fields(send(admin, "GET", "/api/v1/sites?sort=nonsense", null), 400)).containsExactly("sort");
    }

    @Test
    void reviewedEdgesAnswerAsProblems() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", true);
        Answer nullSite = send(admin, "POST", "/api/v1/users", """
                {"username": "%s", "password": "correct horse battery", "role": "viewer", "site_ids": [null]}"""
                .formatted(username()));
        assertThat(nullSite.status()).as(nullSite.body()).isEqualTo(422);
        assertThat(fields(send(admin, "GET", "/api/v1/api-keys?sort=name", null), 400)).containsExactly("sort");
        Answer yearOnly = send(admin, "GET", "/api/v1/sites/" + site.siteId()
                + "/sensors/b1-o2/readings?from=20260329&to=2026", null);
        assertThat(fields(yearOnly, 422)).containsExactlyInAnyOrder("from", "to");

        // A no_data rule read back (deadband 0, delay_s 0) and sent again unchanged is accepted.
        String rules = "/api/v1/sites/" + site.siteId() + "/alert-rules";
        Answer created = send(admin, "POST", rules, """
                {"kind": "no_data", "sensor_id": "b1-o2", "window_s": 120, "severity": "medium"}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String ruleId = created.json().path("rule_id").asString();
        Answer readBack = send(admin, "GET", rules + "/" + ruleId, null);
        Answer resent = send(admin, "PUT", rules + "/" + ruleId, readBack.body());
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
    }

    @Test
    void keyAndUserListsArePagedLikeEveryOtherList() {
        String admin = Fixtures.apiKey("admin", true);
        Fixtures.apiKey("reader", true);
        Answer keys = send(admin, "GET", "/api/v1/api-keys?size=1&page=1", null);
        assertThat(keys.status()).as(keys.body()).isEqualTo(200);
        assertThat(keys.json().path("content")).hasSize(1);
        assertThat(keys.json().path("page").path("number").asInt()).isEqualTo(1);
        assertThat(keys.json().path("page").path("total_elements").asLong()).isGreaterThanOrEqualTo(2);

        Answer users = send(admin, "GET", "/api/v1/users?size=500", null);
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        assertThat(users.json().path("content").isArray()).isTrue();
    }

    @Test
    void whatTheDatabaseRefusesIsTheRequestsMistakeNotAConflict() {
        String admin = Fixtures.apiKey("admin", true);
        Answer unknownSite = send(admin, "POST", "/api/v1/api-keys",
                "{\"name\": \"erp\", \"role\": \"reader\", \"site_ids\": [\"no-such-site\"]}");
        assertThat(unknownSite.status()).as(unknownSite.body()).isEqualTo(422);

        Answer nul = send(admin, "POST", "/api/v1/sites", """
                {"site_id": "plant-%s", "name": "Plant\\u0000A"}""".formatted(UUID.randomUUID().toString().substring(0, 8)));
        assertThat(nul.status()).as(nul.body()).isEqualTo(400);
        assertThat(nul.contentType()).startsWith("application/problem+json");
    }

    @Test
    void numbersAreTakenAsWrittenAndTimeZonesAreRegions() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String sensors = "/api/v1/sites/" + site.siteId() + "/sensors";

        Answer infinite = send(admin, "POST", sensors, """
                {"sensor_id": "b2-level", "sensor_type": "drum_level", "unit": "mm", "min_valid": 0, "max_valid": 1e400}""");
        assertThat(infinite.status()).as(infinite.body()).isIn(400, 422);
        assertThat(infinite.contentType()).startsWith("application/problem+json");

        Answer fraction = send(admin, "POST", sensors, """
                {"sensor_id": "b2-level", "sensor_type": "drum_level", "unit": "mm", "min_valid": 0, "max_valid": 900,
                 "expected_interval_s": 1.5}""");
        assertThat(fraction.status()).as(fraction.body()).isEqualTo(400);

        Answer offset = send(admin, "PUT", "/api/v1/sites/" + site.siteId(), "{\"timezone\": \"+05:30\"}");
        assertThat(fields(offset, 422)).containsExactly("timezone");
    }

    @Test
    void oneUnreadableLatestValueMakesOnlyThatSensorStale() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        long now = System.currentTimeMillis();
        redis.opsForHash().put(RedisKeys.latest(site.siteId(), "steam_pressure"), "b1-steam-pressure",
                "{\"value\": 10.4, \"unit\": \"bar\", \"ts_ms\": " + now + "}");
        redis.opsForHash().put(RedisKeys.latest(site.siteId(), "flue_gas_o2"), "b1-o2", "{not json");

        Answer latest = send(reader, "GET", "/api/v1/sites/" + site.siteId() + "/latest", null);

        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        latest.json().path("readings").forEach(reading -> seen.add(reading.path("sensor_id").asString() + "="
                + (reading.path("stale").asBoolean() ? "stale" : reading.path("value").asDouble())));
        assertThat(seen).contains("b1-steam-pressure=10.4", "b1-o2=stale");
    }

    private Answer send(String key, String method, String path, String body) {
        return new ServiceClient(port).send(method, path, body, "X-API-Key", key);
    }

    private static List<String> fields(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        for (JsonNode error : answer.json().path("errors")) {
            fields.add(error.path("field").asString());
        }
        return fields;
    }

    private static String username() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
