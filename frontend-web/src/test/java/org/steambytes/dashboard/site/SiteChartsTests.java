package org.steambytes.dashboard.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.reading.Reading;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.InProcessFrontendApi;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The site page's charts ({@code /sites/{id}/history}) through the real frontend-api, ai-processor and
 * InfluxDB: one multi-sensor history request per window and interval, the same charts as one request each.
 */
class SiteChartsTests extends DashboardTest {

    private static final String MULTI = "uri=\"/api/v1/sites/{siteId}/readings\"";
    private static final String SINGLE = "uri=\"/api/v1/sites/{siteId}/sensors/{sensorId}/readings\"";

    @Test
    void aPagesChartsAreOneRequestPerIntervalAndEqualTheChartsAskedOneByOne() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        Fixtures.execute("INSERT INTO sensors (site_id, sensor_id, sensor_type, unit, min_valid, max_valid, expected_interval_s)"
                + " VALUES ('" + site.siteId() + "', 'b1-slow', 'steam_pressure', 'bar', 0, 40, 600)");
        List<Reading> readings = new ArrayList<>();
        Instant day = Instant.parse("2026-05-03T22:00:00Z"); // 4 May in Berlin
        for (int minutes = 3; minutes < 24 * 60; minutes += 7) {
            readings.add(new Reading(site.siteId(), "b1-steam-pressure", "steam_pressure", 10 + minutes % 5,
                    day.plus(Duration.ofMinutes(minutes))));
            readings.add(new Reading(site.siteId(), "b1-slow", "steam_pressure", 20 + minutes % 3,
                    day.plus(Duration.ofMinutes(minutes))));
        }
        try (InfluxReadingStore store = InfluxReadingStore.connect(new InfluxSettings(
                RealStores.influxUrl(), null, "steambytes", RealStores.runInfluxDatabase(), Duration.ofSeconds(10)))) {
            store.write(readings);
        }
        WebSession browser = browser();
        assertThat(browser.signIn(DashboardUsersFixture.user("viewer", site.siteId()), DashboardUsersFixture.PASSWORD)
                .status()).isEqualTo(302);
        String range = "range=custom&from=2026-05-04T00:00&to=2026-05-05T00:00&tz=Europe/Berlin";
        long multiBefore = requests(MULTI);
        long singleBefore = requests(SINGLE);

        WebSession.Page page = browser.get("/sites/" + site.siteId() + "/history?" + range, "Accept", "application/json");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> requests(MULTI) == multiBefore + 2);
        assertThat(requests(SINGLE)).as("no chart asked alone").isEqualTo(singleBefore);
        JsonNode charts = JsonMapper.builder().build().readTree(page.body()).path("charts");
        assertThat(charts.propertyNames()).containsExactlyInAnyOrder("b1-flue-gas-temp", "b1-o2", "b1-slow", "b1-steam-pressure");
        assertThat(charts.path("b1-steam-pressure").path("interval").asString()).isEqualTo("2m");
        assertThat(charts.path("b1-slow").path("interval").asString()).as("a sensor of 10-min readings: 10-min buckets").isEqualTo("10m");
        assertThat(charts.path("b1-steam-pressure").path("t")).hasSize(720);
        assertThat(charts.path("b1-o2").path("t")).as("no readings, no points").isEmpty();
        for (String sensor : List.of("b1-flue-gas-temp", "b1-o2", "b1-slow", "b1-steam-pressure")) {
            int intervalS = sensor.equals("b1-slow") ? 600 : 10;
            WebSession.Page alone = browser.get("/sites/" + site.siteId() + "/sensors/" + sensor + "/history?" + range
                    + "&interval_s=" + intervalS, "Accept", "application/json");
            assertThat(charts.path(sensor)).as(sensor).isEqualTo(JsonMapper.builder().build().readTree(alone.body()));
        }
    }

    /** How many requests frontend-api answered under this route (its Prometheus counter). */
    private static long requests(String route) {
        ServiceClient.Answer metrics = new ServiceClient(java.net.URI.create(InProcessFrontendApi.url()).getPort())
                .get("/actuator/prometheus", "Bearer " + InProcessFrontendApi.INTERNAL_TOKEN);
        assertThat(metrics.status()).isEqualTo(200);
        long count = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count{") && line.contains(route)) {
                count += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return count;
    }
}
