package org.steambytes.api.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.JsonNode;

/** The efficiency series from analytics_results rows (written here as ai-processor's cycle writes them). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EfficiencyApiTests {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void answersBothEfficienciesPerWindowOldestFirstWithNullAndTheReasonWhereNotComputed() {
        SiteFixture site = Fixtures.boilerHouse();
        result(site.siteId(), "efficiency", T0.plusSeconds(60), "86.65", null);
        result(site.siteId(), "combustion_efficiency", T0.plusSeconds(60), "92.69", null);
        result(site.siteId(), "efficiency", T0.plusSeconds(120), null, "no calorific value configured for the site");
        result(site.siteId(), "combustion_efficiency", T0.plusSeconds(120), "92.5", null);
        result(site.siteId(), "combustion_efficiency", T0.plusSeconds(180), null, "flue_gas_o2 b1-o2 is stale");
        Fixtures.execute("INSERT INTO analytics_results (site_id, sensor_id, kind, window_start, window_end, value)"
                + " VALUES ('" + site.siteId() + "', 'b1-o2', 'window_stats', '" + T0 + "', '" + T0.plusSeconds(60) + "', 3)");
        String reader = Fixtures.apiKey("reader", false, site.siteId());

        Answer answer = get(reader, site, "from=" + T0 + "&to=" + T0.plusSeconds(3600));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode series = answer.json();
        assertThat(series.path("site_id").asString()).isEqualTo(site.siteId());
        assertThat(series.path("from").asString()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(series.path("to").asString()).isEqualTo("2026-11-27T11:00:00Z");
        JsonNode points = series.path("points");
        assertThat(points).hasSize(3);
        assertThat(points.get(0).path("window_end").asString()).isEqualTo("2026-11-27T10:01:00Z");
        assertThat(points.get(0).path("direct_pct").asDouble()).isEqualTo(86.65);
        assertThat(points.get(0).path("combustion_pct").asDouble()).isEqualTo(92.69);
        assertThat(points.get(0).path("direct_not_computed").isNull()).isTrue();
        assertThat(points.get(1).path("direct_pct").isNull()).isTrue();
        assertThat(points.get(1).path("direct_not_computed").asString()).isEqualTo("no calorific value configured for the site");
        assertThat(points.get(1).path("combustion_pct").asDouble()).isEqualTo(92.5);
        assertThat(points.get(2).path("direct_pct").isNull()).as("no direct row for that window").isTrue();
        assertThat(points.get(2).path("combustion_not_computed").asString()).isEqualTo("flue_gas_o2 b1-o2 is stale");

        assertThat(get(reader, site, "from=" + T0.plusSeconds(60) + "&to=" + T0.plusSeconds(120)).json().path("points"))
                .as("from inclusive, to exclusive").hasSize(1);
    }

    @Test
    void defaultsToTheLastDayAndRefusesBadOrLongWindows() {
        SiteFixture site = Fixtures.boilerHouse();
        SiteFixture other = Fixtures.boilerHouse();
        Instant recent = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        result(site.siteId(), "efficiency", recent, "85.0", null);
        result(site.siteId(), "efficiency", recent.minus(Duration.ofHours(25)), "80.0", null);
        String reader = Fixtures.apiKey("reader", false, site.siteId());

        JsonNode lastDay = get(reader, site, "").json();
        assertThat(lastDay.path("points")).hasSize(1);
        assertThat(lastDay.path("points").get(0).path("direct_pct").asDouble()).isEqualTo(85.0);
        assertThat(Duration.between(Instant.parse(lastDay.path("from").asString()), Instant.parse(lastDay.path("to").asString())))
                .isEqualTo(Duration.ofHours(24));

        assertThat(fields(get(reader, site, "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:01Z"), 422)).containsExactly("from");
        assertThat(get(reader, site, "from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").status()).as("31 days exactly")
                .isEqualTo(200);
        assertThat(fields(get(reader, site, "to=soon"), 422)).containsExactly("to");
        assertThat(fields(get(reader, site, "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), 422)).containsExactly("to");
        assertThat(get(reader, other, "").status()).isEqualTo(404);

        result(site.siteId(), "efficiency", recent.plusSeconds(60), "85.5", null);
        Answer fresh = get(reader, site, "");
        assertThat(fresh.header()).as("never from the response cache").isNull();
        assertThat(fresh.json().path("points")).hasSize(2);
    }

    private Answer get(String key, SiteFixture site, String query) {
        return new ServiceClient(port).send("GET", "/api/v1/sites/" + site.siteId() + "/efficiency"
                + (query.isEmpty() ? "" : "?" + query), null, "X-API-Key", key);
    }

    private static void result(String siteId, String kind, Instant windowEnd, String value, String notComputed) {
        String details = notComputed == null ? "{\"basis\": \"net\"}"
                : "{\"basis\": \"net\", \"not_computed\": \"" + notComputed + "\"}";
        Fixtures.execute("INSERT INTO analytics_results (site_id, kind, window_start, window_end, value, details) VALUES ('"
                + siteId + "', '" + kind + "', '" + windowEnd.minus(Duration.ofHours(1)) + "', '" + windowEnd + "', "
                + (value == null ? "NULL" : value) + ", '" + details + "')");
    }

    private static java.util.List<String> fields(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return answer.json().path("errors").findValuesAsString("field");
    }
}
