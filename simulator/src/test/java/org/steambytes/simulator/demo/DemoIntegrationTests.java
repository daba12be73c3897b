package org.steambytes.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steambytes.simulator.DemoCommand;
import org.steambytes.simulator.InProcessStack;
import org.steambytes.simulator.client.IngestionClient;
import org.steambytes.simulator.client.Json;
import org.steambytes.testsupport.RealStores;
import tools.jackson.databind.JsonNode;

/**
 * {@code demo} against the real frontend-api, ai-processor (history, analytics settings) and iot-ingestion,
 * started in this JVM on the real PostgreSQL, Redis and InfluxDB: it provisions the demo site through the
 * API, back-fills history through ingestion, and a second run creates nothing twice.
 */
class DemoIntegrationTests {

    private static final String ADMIN_KEY = InProcessStack.ADMIN_KEY;
    private static final String SITE = DemoSite.SITE_ID;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String api;
    private static String ingestion;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void startServices() {
        api = InProcessStack.api();
        ingestion = InProcessStack.ingestion();
    }

    @Test
    void provisionsTheDemoSiteBackFillsItsHistoryAndCreatesNothingTwice() throws Exception {
        Instant started = Instant.now();
        DemoCommand.Setup first = DemoCommand.run(settings(Duration.ofMinutes(10)));

        assertThat(first.siteCreated()).isTrue();
        JsonNode site = get("/sites/" + SITE);
        assertThat(Json.text(site, "timezone")).isEqualTo("Europe/Berlin");
        assertThat(site.path("notification_emails").toString()).contains("on-call@demo.steambytes.local");

        List<String> sensors = ids(get("/sites/" + SITE + "/sensors?size=500"), "sensor_id");
        assertThat(sensors).hasSize(13).contains("b1-steam-pressure", "b1-steam-flow", "b1-feedwater-temp", "b1-fuel-flow",
                "b1-flue-gas-temp", "b1-o2", "b1-ambient-temp");
        JsonNode rules = get("/sites/" + SITE + "/alert-rules?size=500").path("content");
        assertThat(rules.size()).isEqualTo(DemoSite.rules().size());
        List<String> kinds = new ArrayList<>();
        rules.forEach(rule -> kinds.add(Json.text(rule, "kind")));
        assertThat(kinds).contains("threshold", "frozen", "anomaly", "efficiency_drop", "no_data");

        JsonNode operator = get("/users/operator");
        assertThat(Json.text(operator, "role")).isEqualTo("operator");
        assertThat(operator.path("site_ids").toString()).contains(SITE);
        Path passwordFile = dataDir.resolve("demo-operator-password");
        assertThat(Files.readString(passwordFile).trim()).isEqualTo(first.operatorPassword()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        Path tokenFile = dataDir.resolve("demo-gateway-token");
        assertThat(Files.readString(tokenFile).trim()).isEqualTo(first.gatewayToken()).startsWith("gw_");
        assertThat(Files.getPosixFilePermissions(tokenFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(get("/sites/" + SITE + "/analytics-config").path("calorific_value_mj").asDouble()).isEqualTo(36.0);
        assertThat(activeGateways()).isEqualTo(1);

        // The back-fill: 10 minutes at 10 s, all 13 sensors, through ingestion into InfluxDB and back via the history API.
        assertThat(first.feed().accepted()).isEqualTo(60 * 13);
        assertThat(countReadings("b1-steam-pressure", started)).isEqualTo(60);
        assertThat(countReadings("b1-flue-gas-temp", started)).isEqualTo(60);

        // A restart after the latest values expired (Redis keeps them 5 minutes): the gap is found in the history.
        forgetLatestValues();
        DemoCommand.Setup second = DemoCommand.run(settings(Duration.ofMinutes(10)));
        assertThat(second.siteCreated()).isFalse();
        assertThat(second.sensorsCreated()).isZero();
        assertThat(second.rulesCreated()).isZero();
        assertThat(second.gatewayToken()).isEqualTo(first.gatewayToken());
        assertThat(second.operatorPassword()).isEqualTo(first.operatorPassword());
        // The same site, the same token and password, nothing created again, and only the last minute or so sent again.
        assertThat(second.feed().accepted()).isPositive().isLessThanOrEqualTo(13 * 20);
        assertThat(ids(get("/sites/" + SITE + "/sensors?size=500"), "sensor_id")).hasSize(13);
        assertThat(get("/sites/" + SITE + "/alert-rules?size=500").path("content").size()).isEqualTo(DemoSite.rules().size());
        assertThat(ids(get("/users?size=500"), "username").stream().filter("operator"::equals)).hasSize(1);
        assertThat(activeGateways()).isEqualTo(1);

        // The token file lost: a new gateway replaces the old one, which is revoked.
        Files.delete(tokenFile);
        DemoCommand.Setup third = DemoCommand.run(settings(Duration.ofMinutes(10)));
        assertThat(third.gatewayToken()).isNotEqualTo(first.gatewayToken()).isEqualTo(Files.readString(tokenFile).trim());
        assertThat(activeGateways()).isEqualTo(1);
        assertThat(third.feed().tick(Instant.now())).isEqualTo(IngestionClient.Outcome.ACCEPTED);
    }

    private static DemoCommand.Settings settings(Duration backfill) {
        return new DemoCommand.Settings(api, ingestion, "http://127.0.0.1:8080", ADMIN_KEY, dataDir, backfill,
                Duration.ofSeconds(10), 42, true, false);
    }

    /** Drops the site's latest values from Redis (docs/API.md "Redis": iot_ingestion:latest:{<site_id>}:<sensor_type>). */
    private static void forgetLatestValues() {
        RedisClient client = RedisClient.create(RealStores.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            List<String> keys = connection.sync().keys("iot_ingestion:latest:{" + SITE + "}:*");
            assertThat(keys).isNotEmpty();
            connection.sync().del(keys.toArray(String[]::new));
        } finally {
            client.shutdown();
        }
    }

    private static long activeGateways() throws Exception {
        JsonNode gateways = get("/sites/" + SITE + "/gateways?size=500").path("content");
        long active = 0;
        for (JsonNode gateway : gateways) {
            if (gateway.path("revoked_at").isNull()) {
                active++;
            }
        }
        return active;
    }

    /** Readings of a sensor since the back-fill window began, counted by the history API (ingestion writes within moments). */
    private static long countReadings(String sensor, Instant started) throws Exception {
        Instant from = started.minus(Duration.ofMinutes(11));
        Instant to = started.plus(Duration.ofMinutes(1));
        long total = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode history = get("/sites/" + SITE + "/sensors/" + sensor + "/readings?from=" + from + "&to=" + to
                    + "&interval=1h&aggregate=count");
            total = 0;
            for (JsonNode point : history.path("points")) {
                total += point.path("value").isNumber() ? point.path("value").asLong() : 0;
            }
            if (total >= 60) {
                return total;
            }
            Thread.sleep(200);
        }
        return total;
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(item -> ids.add(Json.text(item, field)));
        return ids;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1" + path))
                .header("X-API-Key", ADMIN_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return Json.read(response.body());
    }
}
