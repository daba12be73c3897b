package org.steambytes.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.steambytes.api.InProcessServices;
import org.steambytes.common.security.UserTokens;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;

/**
 * Every {@code /api/v1} endpoint the application maps (read from its own request mappings, so a new
 * endpoint cannot escape) × {no credentials; API keys: reader, operator and admin of site A, admin of all
 * sites; dashboard users by their token: viewer, operator and admin of site A, admin of all sites} ×
 * {site A, site B}, against the expected outcome. Each call gets fresh sites, so a DELETE cannot hide
 * another call's answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.alert-service-url=http://127.0.0.1:9") // nothing listens: acknowledging answers 503
class AuthorizationMatrixTests {

    /** A valid body per endpoint that takes one; a new endpoint with a body must be added here. */
    /** {@code <random>}, {@code <site-a>} and {@code <in-an-hour>} are filled in per call. */
    private static final String WINDOW = "{\"starts_at\": \"<in-an-hour>\", \"ends_at\": \"<in-two-hours>\","
            + " \"reason\": \"burner service\"}";
    private static final String RULE = "{\"kind\": \"threshold\", \"sensor_id\": \"b1-steam-pressure\","
            + " \"operator\": \"above\", \"limit\": 12.0, \"severity\": \"high\"}";
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/sites/{siteId}/alert-rules", RULE),
            Map.entry("POST /api/v1/alerts/{alertId}/acknowledge", "{\"note\": \"seen\"}"),
            Map.entry("POST /api/v1/alerts/{alertId}/shelve", "{\"until\": \"<in-an-hour>\", \"reason\": \"burner service\"}"),
            Map.entry("PUT /api/v1/sites/{siteId}/alert-rules/{ruleId}", RULE),
            Map.entry("POST /api/v1/sites", "{\"site_id\": \"plant-<random>\", \"name\": \"New\"}"),
            Map.entry("PUT /api/v1/sites/{siteId}", "{\"name\": \"Renamed\"}"),
            Map.entry("POST /api/v1/sites/{siteId}/sensors", "{\"sensor_id\": \"s-<random>\", \"sensor_type\": \"steam_pressure\","
                    + " \"unit\": \"bar\", \"min_valid\": 0, \"max_valid\": 20}"),
            Map.entry("PUT /api/v1/sites/{siteId}/sensors/{sensorId}", "{\"sensor_type\": \"steam_pressure\", \"unit\": \"bar\","
                    + " \"min_valid\": 0, \"max_valid\": 30}"),
            Map.entry("POST /api/v1/sites/{siteId}/gateways", "{\"name\": \"gw\"}"),
            Map.entry("POST /api/v1/api-keys", "{\"name\": \"k\", \"role\": \"reader\", \"site_ids\": [\"<site-a>\"]}"),
            Map.entry("POST /api/v1/users", "{\"username\": \"u-<random>\", \"password\": \"correct horse battery\","
                    + " \"role\": \"viewer\", \"site_ids\": [\"<site-a>\"]}"),
            Map.entry("PUT /api/v1/users/{username}", "{\"role\": \"operator\", \"site_ids\": [\"<site-a>\"]}"),
            Map.entry("PUT /api/v1/sites/{siteId}/analytics-config", "{\"window_minutes\": 30, \"calorific_value_mj\": 36.0}"),
            Map.entry("POST /api/v1/sites/{siteId}/maintenance-windows", WINDOW),
            Map.entry("PUT /api/v1/sites/{siteId}/maintenance-windows/{windowId}", WINDOW));

    /** An API key ({@code X-API-Key}) or a dashboard user (a user token), with its role and scope. */
    enum Caller {
        NONE(null, null, false),
        READER_KEY_OF_A("key", "reader", false),
        OPERATOR_KEY_OF_A("key", "operator", false),
        ADMIN_KEY_OF_A("key", "admin", false),
        ADMIN_KEY_OF_ALL("key", "admin", true),
        VIEWER_USER_OF_A("user", "viewer", false),
        OPERATOR_USER_OF_A("user", "operator", false),
        ADMIN_USER_OF_A("user", "admin", false),
        ADMIN_USER_OF_ALL("user", "admin", true);

        final String kind;
        final String role;
        final boolean allSites;

        Caller(String kind, String role, boolean allSites) {
            this.kind = kind;
            this.role = role;
            this.allSites = allSites;
        }

        /** The API role: a dashboard viewer is a reader. */
        String apiRole() {
            return "viewer".equals(role) ? "reader" : role;
        }
    }

    /** What an operator may change besides reading: answering alerts and maintenance windows. */
    private static boolean operatorsMayWrite(Endpoint endpoint) {
        return endpoint.key().equals("POST /api/v1/alerts/{alertId}/acknowledge")
                || endpoint.pattern().equals("/api/v1/alerts/{alertId}/shelve")
                || endpoint.pattern().startsWith("/api/v1/sites/{siteId}/maintenance-windows");
    }

    private static final UserTokens TOKENS = new UserTokens(InProcessServices.INTERNAL_TOKEN, Clock.systemUTC());

    enum Target { SITE_A, SITE_B }

    record Endpoint(String method, String pattern) {

        String key() {
            return method + " " + pattern;
        }

        boolean isRead() {
            return method.equals("GET");
        }

        /** The path names a site, or something that belongs to one (an alert, a key or a user of the target site). */
        boolean siteScoped() {
            return pattern.contains("{siteId}") || pattern.contains("{alertId}") || pattern.contains("{keyId}")
                    || pattern.contains("{username}");
        }
    }

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.ai-processor-url", InProcessServices::aiProcessorUrl); // history and settings answered for real
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsItsRoleAndScopeAllow() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the API's endpoints were found").hasSizeGreaterThan(10);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Caller caller : Caller.values()) {
                for (Target target : endpoint.siteScoped() ? List.of(Target.values()) : List.of(Target.SITE_A)) {
                    tests.add(dynamicTest(endpoint.key() + " as " + caller + " on " + target,
                            () -> check(endpoint, caller, target)));
                }
            }
        }
        return tests.stream();
    }

    private void check(Endpoint endpoint, Caller caller, Target target) {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        SiteFixture on = target == Target.SITE_A ? a : b;
        String[] credentials = credentials(caller, a);
        // Site B has a key, a user and an alert of its own, so a list that leaks them shows B's id.
        String victimKeyId = keyIdOf(Fixtures.apiKey("reader", false, on.siteId()));
        Fixtures.apiKey("reader", false, b.siteId());
        String victimUser = "op-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.user(victimUser, "operator", on.siteId());
        Fixtures.user("op-" + UUID.randomUUID().toString().substring(0, 8), "operator", b.siteId());
        String alertId = UUID.randomUUID().toString();
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at) VALUES ('"
                + alertId + "', '" + on.siteId() + "', 'site_lost', 'open', 'high', 'silent', now())");
        if (on != b) {
            Fixtures.execute("INSERT INTO alerts (alert_id, site_id, kind, state, severity, message, opened_at) VALUES ('"
                    + UUID.randomUUID() + "', '" + b.siteId() + "', 'site_lost', 'open', 'high', 'silent', now())");
        }
        String ruleId = UUID.randomUUID().toString();
        Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, operator, limit_value, severity)"
                + " VALUES ('" + ruleId + "', '" + on.siteId() + "', 'b1-o2', 'threshold', 'below', 1, 'high')");
        String windowId = Fixtures.countText("INSERT INTO maintenance_windows (site_id, starts_at, ends_at, reason, created_by)"
                + " VALUES ('" + on.siteId() + "', now(), now() + interval '1 hour', 'test', 'test') RETURNING id::text");
        String path = endpoint.pattern()
                .replace("{siteId}", on.siteId())
                .replace("{sensorId}", "b1-steam-pressure")
                .replace("{gatewayId}", on.gatewayId().toString())
                .replace("{keyId}", victimKeyId)
                .replace("{username}", victimUser)
                .replace("{ruleId}", ruleId)
                .replace("{alertId}", alertId)
                .replace("{windowId}", windowId);
        String body = null;
        if (endpoint.method().equals("POST") || endpoint.method().equals("PUT")) {
            String template = BODIES.get(endpoint.key());
            if (template == null) {
                fail("No sample body for " + endpoint.key() + ": add one to BODIES so the matrix covers it");
            }
            body = template.replace("<site-a>", a.siteId())
                    .replace("<in-an-hour>", Instant.now().plus(Duration.ofHours(1)).toString())
                    .replace("<in-two-hours>", Instant.now().plus(Duration.ofHours(2)).toString())
                    .replace("<random>", UUID.randomUUID().toString().substring(0, 8));
        }
        ServiceClient.Answer answer = new ServiceClient(port).send(endpoint.method(), path, body, credentials);

        int expected = expected(endpoint, caller, target);
        assertThat(answer.status()).as("%s %s as %s → %s", endpoint.method(), path, caller, answer.body())
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        if (!caller.allSites && answer.status() < 300) {
            assertThat(answer.body()).as("%s %s as %s shows nothing of site B", endpoint.method(), path, caller)
                    .doesNotContain(b.siteId());
        }
    }

    private static int expected(Endpoint endpoint, Caller caller, Target target) {
        if (caller == Caller.NONE) {
            return 401;
        }
        boolean adminOnly = endpoint.pattern().startsWith("/api/v1/api-keys")
                || endpoint.pattern().startsWith("/api/v1/users")
                || endpoint.pattern().endsWith("/analytics-config") // reading the settings too
                || endpoint.pattern().startsWith("/api/v1/audit-events");
        String role = caller.apiRole();
        if (!role.equals("admin") && adminOnly) {
            return 403;
        }
        if (!endpoint.isRead() && (role.equals("reader") || role.equals("operator") && !operatorsMayWrite(endpoint))) {
            return 403;
        }
        boolean sees = caller.allSites || target == Target.SITE_A;
        if (endpoint.siteScoped() && !sees) {
            return 404;
        }
        if (endpoint.key().equals("POST /api/v1/sites") && !caller.allSites) {
            return 403; // only a key for all sites creates sites
        }
        if (endpoint.key().equals("POST /api/v1/alerts/{alertId}/acknowledge")
                || endpoint.pattern().equals("/api/v1/alerts/{alertId}/shelve")) {
            return 503; // forwarded to alert-service, which is not running here
        }
        return switch (endpoint.method()) {
            case "POST" -> 201;
            case "DELETE" -> endpoint.pattern().equals("/api/v1/sites/{siteId}") ? 409 : 204; // sites have data
            default -> 200;
        };
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1")) {
                    continue;
                }
                assertThat(info.getMethodsCondition().getMethods()).as("%s answers every method: give it one", pattern)
                        .isNotEmpty();
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(method.name(), pattern));
                }
            }
        }
        return endpoints;
    }

    /** The request headers that make {@code caller}: its API key, or a fresh token of a new user of its role. */
    private static String[] credentials(Caller caller, SiteFixture a) {
        if (caller == Caller.NONE) {
            return new String[0];
        }
        if (caller.kind.equals("key")) {
            return new String[] {"X-API-Key", caller.allSites ? Fixtures.apiKey(caller.role, true)
                    : Fixtures.apiKey(caller.role, false, a.siteId())};
        }
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        if (caller.allSites) {
            Fixtures.user(username, caller.role);
            Fixtures.execute("UPDATE users SET all_sites = true WHERE username = '" + username + "'");
        } else {
            Fixtures.user(username, caller.role, a.siteId());
        }
        return new String[] {"Authorization", "Bearer " + TOKENS.issue(username)};
    }

    private static String keyIdOf(String key) {
        return Fixtures.countText("SELECT key_id::text FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(key) + "'");
    }
}
