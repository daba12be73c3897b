package org.steambytes.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

/** Anomalies as ai-processor stores them (rows written here as it would), read through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnomaliesApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void listsTheLastDaysAnomaliesNewestFirstWithEveryField() {
        SiteFixture site = Fixtures.boilerHouse();
        SiteFixture other = Fixtures.boilerHouse();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        anomaly(site.siteId(), "b1-steam-pressure", "zscore", now.minus(Duration.ofHours(2)), 12.9, 5.1);
        anomaly(site.siteId(), "b1-o2", "cusum", now.minus(Duration.ofMinutes(10)), 6.2, 11.0);
        anomaly(site.siteId(), "b1-o2", "ewma", now.minus(Duration.ofHours(30)), 6.0, 4.5); // older than a day
        anomaly(other.siteId(), "b1-o2", "ewma", now.minus(Duration.ofMinutes(5)), 6.0, 4.5);
        String reader = Fixtures.apiKey("reader", false, site.siteId());

        Answer answer = get(reader, site, "");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode content = answer.json().path("content");
        assertThat(content).hasSize(2);
        JsonNode newest = content.get(0);
        assertThat(newest.path("sensor_id").asString()).isEqualTo("b1-o2");
        assertThat(newest.path("detector").asString()).isEqualTo("cusum");
        assertThat(Instant.parse(newest.path("observed_at").asString())).isEqualTo(now.minus(Duration.ofMinutes(10)));
        assertThat(newest.path("value").asDouble()).isEqualTo(6.2);
        assertThat(newest.path("score").asDouble()).isEqualTo(11.0);
        assertThat(newest.path("threshold").asDouble()).isEqualTo(10.0);
        assertThat(newest.path("explanation").asString()).isEqualTo("cusum on b1-o2");
        assertThat(newest.path("anomaly_id").isIntegralNumber()).isTrue();
        assertThat(newest.propertyNames()).containsExactlyInAnyOrder("anomaly_id", "sensor_id", "detector", "observed_at",
                "value", "score", "threshold", "explanation");
        assertThat(content.get(1).path("detector").asString()).isEqualTo("zscore");
        assertThat(answer.json().path("page").path("total_elements").asInt()).isEqualTo(2);
        assertThat(answer.body()).doesNotContain(other.siteId());
    }

    @Test
    void pagesAndFiltersBySensorDetectorAndWindow() {
        SiteFixture site = Fixtures.boilerHouse();
        Instant start = Instant.parse("2026-11-27T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            anomaly(site.siteId(), "b1-steam-pressure", i % 2 == 0 ? "zscore" : "ewma", start.plusSeconds(60L * i), i, 4);
        }
        anomaly(site.siteId(), "b1-o2", "zscore", start.plusSeconds(30), 1, 4);
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        String window = "from=2026-11-27T10:00:00Z&to=" + start.plusSeconds(3600).toEpochMilli();

        JsonNode first = get(reader, site, window + "&size=2").json();
        JsonNode second = get(reader, site, window + "&size=2&page=1").json();
        assertThat(values(first)).containsExactly(4.0, 3.0);
        assertThat(values(second)).containsExactly(2.0, 1.0);
        assertThat(first.path("page").path("total_elements").asInt()).isEqualTo(6);
        assertThat(first.path("page").path("total_pages").asInt()).isEqualTo(3);

        assertThat(values(get(reader, site, window + "&sensor_id=b1-steam-pressure&detector=zscore").json()))
                .containsExactly(4.0, 2.0, 0.0);
        assertThat(values(get(reader, site, window + "&sensor_id=b1-o2").json())).containsExactly(1.0);
        assertThat(values(get(reader, site, "from=2026-11-27T10:01:00Z&to=2026-11-27T10:03:00Z").json()))
                .as("from inclusive, to exclusive").containsExactly(2.0, 1.0);
    }

    @Test
    void namesEachBadParameterAndHidesOtherSites() {
        SiteFixture site = Fixtures.boilerHouse();
        SiteFixture other = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());

        assertThat(fields(get(reader, site, "from=yesterday"), 422)).containsExactly("from");
        assertThat(fields(get(reader, site, "from=2026-11-27T10:00:00Z&to=2026-11-27T09:00:00Z"), 422)).containsExactly("to");
        assertThat(fields(get(reader, site, "detector=magic&sensor_id=ghost"), 422))
                .containsExactlyInAnyOrder("detector", "sensor_id");
        assertThat(fields(get(reader, site, "sort=value"), 400)).containsExactly("sort");
        assertThat(get(reader, other, "").status()).isEqualTo(404);
        assertThat(get(reader, other, "detector=magic").status()).as("scope before parameters").isEqualTo(404);
    }

    @Test
    void isReadFreshNotFromTheResponseCache() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        String window = "from=2026-11-27T10:00:00Z&to=2026-11-27T11:00:00Z";
        assertThat(get(reader, site, window).json().path("content")).isEmpty();

        anomaly(site.siteId(), "b1-o2", "ewma", Instant.parse("2026-11-27T10:30:00Z"), 7, 5);

        Answer after = get(reader, site, window);
        assertThat(after.header()).isNull();
        assertThat(after.json().path("content")).hasSize(1);
    }

    private Answer get(String key, SiteFixture site, String query) {
        return new ServiceClient(port).send("GET", "/api/v1/sites/" + site.siteId() + "/anomalies"
                + (query.isEmpty() ? "" : "?" + query), null, "X-API-Key", key);
    }

    static void anomaly(String siteId, String sensorId, String detector, Instant at, double value, double score) {
        Fixtures.execute("INSERT INTO anomalies (site_id, sensor_id, detector, observed_at, value, score, threshold,"
                + " explanation) VALUES ('" + siteId + "', '" + sensorId + "', '" + detector + "', '" + at + "', " + value
                + ", " + score + ", " + (detector.equals("cusum") ? 10 : 3.5) + ", '" + detector + " on " + sensorId + "')");
    }

    private static List<Double> values(JsonNode page) {
        List<Double> values = new ArrayList<>();
        page.path("content").forEach(anomaly -> values.add(anomaly.path("value").asDouble()));
        return values;
    }

    private static List<String> fields(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        return answer.json().path("errors").findValuesAsString("field");
    }
}
