package org.steambytes.analytics.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import tools.jackson.databind.JsonNode;

/** The internal analytics settings API against the real PostgreSQL, migrated by the service itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.analytics.enabled=false") // no cycle beside the tests
class AnalyticsConfigApiTests {

    private static final String TOKEN = "config-test-token-0123456789";
    private static final List<String> FIELDS = List.of("enabled", "window_minutes", "zscore_threshold",
            "zscore_consecutive", "ewma_lambda", "ewma_limit_sigma", "cusum_k_sigma", "cusum_h_sigma", "efficiency_basis",
            "calorific_value_mj", "siegert_a2", "siegert_b", "dryness", "blowdown_pct", "air_temperature_c");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Test
    void aSiteWithoutSettingsHasExactlyTheDefaultsPostgresqlWouldStore() {
        String site = Fixtures.boilerHouse().siteId();
        String other = Fixtures.boilerHouse().siteId();
        Fixtures.execute("INSERT INTO analytics_configs (site_id) VALUES ('" + other + "')");

        Answer answer = get(site);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode defaults = answer.json();
        assertThat(defaults.propertyNames()).containsExactlyElementsOf(withReadOnly(FIELDS));
        assertThat(defaults.path("site_id").asString()).isEqualTo(site);
        assertThat(defaults.path("updated_at").isNull()).as("never stored").isTrue();
        JsonNode stored = get(other).json();
        for (String field : FIELDS) {
            assertThat(defaults.get(field)).as(field + ": as a row inserted with nothing but its site").isEqualTo(stored.get(field));
        }
        // V6's detector defaults, V1's and V5's others.
        assertThat(defaults.path("zscore_threshold").asDouble()).isEqualTo(3.5);
        assertThat(defaults.path("zscore_consecutive").asInt()).isEqualTo(2);
        assertThat(defaults.path("ewma_limit_sigma").asDouble()).isEqualTo(5.0);
        assertThat(defaults.path("cusum_k_sigma").asDouble()).isEqualTo(1.0);
        assertThat(defaults.path("cusum_h_sigma").asDouble()).isEqualTo(8.0);
        assertThat(defaults.path("window_minutes").asInt()).isEqualTo(60);
        assertThat(defaults.path("efficiency_basis").asString()).isEqualTo("net");
        assertThat(defaults.path("dryness").asDouble()).isEqualTo(1.0);
        assertThat(defaults.path("calorific_value_mj").isNull()).isTrue();
        assertThat(defaults.path("enabled").asBoolean()).isTrue();
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_configs WHERE site_id = '" + site + "'"))
                .as("reading inserts nothing").isZero();
    }

    @Test
    void aPartialPutUpsertsTheGivenFieldsAndKeepsTheOthers() {
        String site = Fixtures.boilerHouse().siteId();
        JsonNode defaults = get(site).json();

        Answer first = put(site, "{\"calorific_value_mj\": 36.0, \"window_minutes\": 30, \"air_temperature_c\": 20}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("calorific_value_mj").asDouble()).isEqualTo(36.0);
        assertThat(first.json().path("window_minutes").asInt()).isEqualTo(30);
        assertThat(first.json().path("zscore_threshold")).isEqualTo(defaults.path("zscore_threshold"));
        Instant stamped = Instant.parse(first.json().path("updated_at").asString());
        assertThat(Fixtures.countText("SELECT calorific_value_mj || '|' || window_minutes || '|' || zscore_consecutive"
                + " FROM analytics_configs WHERE site_id = '" + site + "'")).isEqualTo("36|30|2");

        Answer second = put(site, "{\"ewma_lambda\": 1, \"efficiency_basis\": \"gross\", \"calorific_value_mj\": null}");

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        JsonNode now = get(site).json();
        assertThat(now).isEqualTo(second.json());
        assertThat(now.path("calorific_value_mj").isNull()).as("explicit null clears").isTrue();
        assertThat(now.path("window_minutes").asInt()).as("kept from the first PUT").isEqualTo(30);
        assertThat(now.path("air_temperature_c").asDouble()).isEqualTo(20.0);
        assertThat(now.path("ewma_lambda").asDouble()).isEqualTo(1.0);
        assertThat(now.path("efficiency_basis").asString()).isEqualTo("gross");
        assertThat(Instant.parse(now.path("updated_at").asString())).isAfterOrEqualTo(stamped);

        Answer echoed = put(site, now.toString());
        assertThat(echoed.status()).as("a GET's answer can be sent back as it is: " + echoed.body()).isEqualTo(200);
        assertThat(echoed.json().path("window_minutes").asInt()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "ewma_lambda        | 0",
            "ewma_lambda        | 1.01",
            "window_minutes     | 0",
            "window_minutes     | 1441",
            "window_minutes     | 1.5",
            "window_minutes     | \"60\"",
            "efficiency_basis   | \"lhv\"",
            "efficiency_basis   | 1",
            "zscore_threshold   | 0",
            "zscore_consecutive | 0",
            "ewma_limit_sigma   | -1",
            "cusum_k_sigma      | -0.1",
            "cusum_h_sigma      | 0",
            "calorific_value_mj | 0",
            "siegert_a2         | -0.01",
            "siegert_b          | -1",
            "dryness            | 0",
            "dryness            | 1.1",
            "blowdown_pct       | -1",
            "blowdown_pct       | 100",
            "air_temperature_c  | -61",
            "air_temperature_c  | 100.5",
            "enabled            | \"yes\"",
            "enabled            | null",
            "zscore_threshold   | null",
            "site_id            | \"another-site\"",
            "colour             | \"red\""})
    void refusesEachInvalidFieldByNameAndChangesNothing(String field, String value) {
        String site = Fixtures.boilerHouse().siteId();
        put(site, "{\"window_minutes\": 45}");

        // A valid change beside the wrong one is not applied either.
        String valid = field.equals("dryness") ? "\"blowdown_pct\": 5" : "\"dryness\": 0.98";
        Answer refused = put(site, "{\"" + field + "\": " + value + ", " + valid + "}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asString()).isEqualTo("validation_failed");
        assertThat(fields(refused)).containsExactly(field);
        assertThat(Fixtures.countText("SELECT window_minutes || '|' || dryness || '|' || blowdown_pct"
                + " FROM analytics_configs WHERE site_id = '" + site + "'")).isEqualTo("45|1|0");
    }

    @Test
    void namesEveryWrongFieldAtOnceAndRefusesABodyThatIsNoObject() {
        String site = Fixtures.boilerHouse().siteId();

        Answer refused = put(site, "{\"ewma_lambda\": 2, \"dryness\": 0, \"unknown\": 1, \"window_minutes\": 30}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("ewma_lambda", "dryness", "unknown");
        assertThat(Fixtures.count("SELECT count(*) FROM analytics_configs WHERE site_id = '" + site + "'")).isZero();

        Answer array = put(site, "[1, 2]");
        assertThat(array.status()).isEqualTo(422);
        assertThat(fields(array)).containsExactly("body");
    }

    @Test
    void anUnknownSiteIsNotFoundAndTheInternalTokenIsRequired() {
        assertThat(get("no-such-site").status()).isEqualTo(404);
        Answer put = put("no-such-site", "{\"window_minutes\": 30}");
        assertThat(put.status()).isEqualTo(404);
        assertThat(put.json().path("code").asString()).isEqualTo("site_not_found");
        String site = Fixtures.boilerHouse().siteId();
        assertThat(new ServiceClient(port).get(path(site)).status()).isEqualTo(401);
        assertThat(new ServiceClient(port).send("PUT", path(site), "{}", "Authorization", "Bearer wrong-token-0123456789")
                .status()).isEqualTo(401);
    }

    private Answer get(String site) {
        return new ServiceClient(port).get(path(site), "Bearer " + TOKEN);
    }

    private Answer put(String site, String body) {
        return new ServiceClient(port).send("PUT", path(site), body, "Authorization", "Bearer " + TOKEN);
    }

    private static String path(String site) {
        return "/internal/v1/sites/" + site + "/analytics-config";
    }

    private static List<String> withReadOnly(List<String> fields) {
        List<String> all = new ArrayList<>(List.of("site_id"));
        all.addAll(fields);
        all.add("updated_at");
        return all;
    }

    private static List<String> fields(Answer answer) {
        List<String> fields = new ArrayList<>();
        answer.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
