package org.steambytes.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.ProblemDetail;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.api.InProcessServices;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.BucketInterval;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import org.steambytes.testsupport.TcpProxy;
import tools.jackson.databind.JsonNode;

/**
 * History through frontend-api → the real ai-processor (in this process) → the real InfluxDB, with a
 * TCP proxy in front of ai-processor so a test can cut it off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadingHistoryApiTests {

    private static TcpProxy aiProcessor;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        URI url = URI.create(InProcessServices.aiProcessorUrl());
        aiProcessor = TcpProxy.to(url.getHost(), url.getPort());
        registry.add("steambytes.internal.token", () -> InProcessServices.INTERNAL_TOKEN);
        registry.add("steambytes.ai-processor-url", () -> "http://127.0.0.1:" + aiProcessor.port());
    }

    @AfterAll
    static void closeProxy() {
        aiProcessor.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    HistoryClient history;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void aDayOfHourlyMeansStartsAtLocalMidnightInTheSitesTimeZone() {
        SiteFixture site = Fixtures.boilerHouse(); // Europe/Berlin
        // 29 March 2026 in Berlin: 23 hours (clocks go forward at 02:00). Two readings per hour.
        List<Reading> readings = new ArrayList<>();
        Instant dayStart = Instant.parse("2026-03-28T23:00:00Z");
        for (int hour = 0; hour < 23; hour++) {
            Instant start = dayStart.plus(Duration.ofHours(hour));
            readings.add(pressure(site, start.plusSeconds(60), 10 + hour));
            readings.add(pressure(site, start.plusSeconds(1800), 12 + hour));
        }
        write(readings);

        Answer answer = get(site, "/sensors/b1-steam-pressure/readings?from=2026-03-28T23:00:00Z&to=2026-03-29T22:00:00Z"
                + "&interval=1h&aggregate=mean");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode history = answer.json();
        assertThat(history.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(history.get("resolution").asString()).as("ai-processor's resolution, passed on").isEqualTo("raw");
        assertThat(history.get("site_id").asString()).isEqualTo(site.siteId());
        JsonNode points = history.get("points");
        assertThat(points).hasSize(23);
        assertThat(points.get(0).get("timestamp").asString()).isEqualTo("2026-03-29T00:00:00+01:00");
        assertThat(points.get(1).get("timestamp").asString()).isEqualTo("2026-03-29T01:00:00+01:00");
        assertThat(points.get(2).get("timestamp").asString()).as("02:00 does not exist that day").isEqualTo("2026-03-29T03:00:00+02:00");
        for (int hour = 0; hour < 23; hour++) {
            assertThat(points.get(hour).get("value").asDouble()).as("hour %d", hour).isEqualTo(11.0 + hour);
        }
    }

    @Test
    void anExplicitTimeZoneMovesTheDailyBuckets() {
        SiteFixture site = Fixtures.boilerHouse();
        write(List.of(pressure(site, Instant.parse("2026-05-04T22:30:00Z"), 1), pressure(site, Instant.parse("2026-05-05T01:00:00Z"), 3)));

        JsonNode berlin = get(site, "/sensors/b1-steam-pressure/readings?from=2026-05-04T00:00:00Z&to=2026-05-06T00:00:00Z"
                + "&interval=1d&aggregate=sum").json();
        JsonNode utc = get(site, "/sensors/b1-steam-pressure/readings?from=2026-05-04T00:00:00Z&to=2026-05-06T00:00:00Z"
                + "&interval=1d&aggregate=sum&tz=UTC").json();

        // 00:00Z to 00:00Z is 02:00 to 02:00 in Berlin: three local days are touched.
        assertThat(values(berlin)).containsExactly("2026-05-04T00:00:00+02:00=null", "2026-05-05T00:00:00+02:00=4.0",
                "2026-05-06T00:00:00+02:00=null");
        assertThat(values(utc)).containsExactly("2026-05-04T00:00:00Z=1.0", "2026-05-05T00:00:00Z=3.0");
    }

    @Test
    void aChangedTimeZoneAndANewSensorShowInTheNextAnswerThoughBothAreKeptInMemory() {
        SiteFixture site = Fixtures.boilerHouse();
        write(List.of(pressure(site, Instant.parse("2026-05-04T22:30:00Z"), 1)));
        String daily = "/sensors/b1-steam-pressure/readings?from=2026-05-04T00:00:00Z&to=2026-05-06T00:00:00Z&interval=1d";
        assertThat(get(site, daily).json().get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(get(site, "/sensors/b1-later/readings?interval=1h").status()).isEqualTo(404);

        String admin = Fixtures.apiKey("admin", false, site.siteId());
        ServiceClient client = new ServiceClient(port);
        assertThat(client.send("PUT", "/api/v1/sites/" + site.siteId(), "{\"timezone\": \"UTC\"}", "X-API-Key", admin)
                .status()).isEqualTo(200);
        assertThat(client.send("POST", "/api/v1/sites/" + site.siteId() + "/sensors", "{\"sensor_id\": \"b1-later\","
                + " \"sensor_type\": \"steam_pressure\", \"unit\": \"bar\", \"min_valid\": 0, \"max_valid\": 40}", "X-API-Key", admin).status()).isEqualTo(201);

        JsonNode utc = get(site, daily).json();
        assertThat(utc.get("timezone").asString()).isEqualTo("UTC");
        assertThat(values(utc)).contains("2026-05-04T00:00:00Z=1.0");
        assertThat(get(site, "/sensors/b1-later/readings?interval=1h").status()).isEqualTo(200);
    }

    @Test
    void historyIsNeverResponseCachedSoALateReadingShowsOnceTheSitesGenerationMoves() {
        SiteFixture site = Fixtures.boilerHouse();
        write(List.of(pressure(site, Instant.parse("2026-05-04T10:00:00Z"), 9), pressure(site, Instant.now().minusSeconds(120), 9)));
        String closed = "/sensors/b1-steam-pressure/readings?from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z&interval=1h&tz=UTC";
        String open = "/sensors/b1-steam-pressure/readings?interval=1h";

        Answer first = get(site, closed);
        assertThat(first.header()).as("not even looked up in the response cache").isNull();
        assertThat(values(first.json())).contains("2026-05-04T10:00:00Z=9.0");

        // A late reading, stored as iot-ingestion stores one, which then moves the site's history generation.
        write(List.of(pressure(site, Instant.parse("2026-05-04T10:30:00Z"), 11)));
        redis.opsForValue().increment(RedisKeys.historyGeneration(site.siteId()));

        Answer second = get(site, closed);
        assertThat(second.header()).as("readings are iot-ingestion's data: never in the response cache").isNull();
        assertThat(values(second.json())).contains("2026-05-04T10:00:00Z=10.0");
        Answer openFirst = get(site, open);
        assertThat(values(openFirst.json())).anyMatch(point -> point.endsWith("=9.0"));
        assertThat(get(site, open).header()).isNull();
    }

    @Test
    void badRequestsAreNamedBeforeAiProcessorIsAsked() {
        SiteFixture site = Fixtures.boilerHouse();

        Answer unknownSensor = get(site, "/sensors/no-such-sensor/readings");
        Answer tooMany = get(site, "/sensors/b1-o2/readings?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&interval=1m");
        Answer bad = get(site, "/sensors/b1-o2/readings?aggregate=median&tz=Berlin");

        assertThat(unknownSensor.status()).isEqualTo(404);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("too_many_points");
        assertThat(tooMany.json().get("detail").asString()).contains("84961 points").contains("shorter from/to window");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("aggregate", "tz");
        assertThat(aiProcessor.clientTraffic()).as("nothing of these reached ai-processor").doesNotContain("no-such-sensor", "median");
        for (Answer answer : List.of(unknownSensor, tooMany, bad)) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aiProcessorUnreachableIsA503WithRetryAfter() {
        SiteFixture site = Fixtures.boilerHouse();
        aiProcessor.stop();
        try {
            Answer answer = new ServiceClient(port).send("GET", "/api/v1/sites/" + site.siteId()
                    + "/sensors/b1-o2/readings?interval=1h", null, "X-API-Key", Fixtures.apiKey("reader", false, site.siteId()));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asString()).isEqualTo("history_unavailable");
        } finally {
            aiProcessor.start();
        }
        assertThat(get(site, "/sensors/b1-o2/readings?interval=1h").status()).isEqualTo(200);
    }

    @Test
    void aiProcessorsOwnRefusalIsPassedOnWithItsCountAndField() {
        SiteFixture site = Fixtures.boilerHouse();
        // Built around frontend-api's own check, as only a count found in the rows could differ.
        HistoryQuery secondsOfADay = new HistoryQuery(site.siteId(), "b1-o2", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-02T00:00:00Z"), BucketInterval.parse("1s").orElseThrow(), Aggregate.MEAN,
                ZoneId.of("Europe/Berlin"));

        ProblemDetail refusal = catchThrowableOfType(ProblemException.class, () -> history.read(secondsOfADay)).getBody();

        assertThat(refusal.getStatus()).isEqualTo(422);
        assertThat(refusal.getProperties()).containsEntry("code", "too_many_points");
        assertThat(refusal.getDetail()).as("ai-processor's own count, about a day in seconds").containsPattern("asks for 8640[01] points");
        assertThat(refusal.getProperties().get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement().extracting("field").isEqualTo("interval");
    }

    @Test
    void severalSensorsInOneRequestAnswerAsEachSensorsOwnHistory() {
        SiteFixture site = Fixtures.boilerHouse(); // b1-flue-gas-temp, b1-o2, b1-steam-pressure; b1-o2 without readings
        Instant now = Instant.now();
        List<Reading> readings = new ArrayList<>();
        for (int minutes = 5; minutes < 30 * 60; minutes += 37) {
            readings.add(pressure(site, now.minus(Duration.ofMinutes(minutes)), 10 + minutes % 7));
            readings.add(new Reading(site.siteId(), "b1-flue-gas-temp", "flue_gas_temperature", 180 + minutes % 13,
                    now.minus(Duration.ofMinutes(minutes))));
        }
        write(readings);
        String closed = "from=2026-05-04T00:00:00Z&to=2026-05-05T00:00:00Z&interval=1h";
        write(List.of(pressure(site, Instant.parse("2026-05-04T10:15:00Z"), 4)));
        String open = "from=" + now.minus(Duration.ofHours(24)) + "&interval=1h&aggregate=max&tz=UTC";

        for (String window : List.of(closed, open, "interval=15m")) {
            Answer answer = get(site, "/readings?sensor_id=b1-steam-pressure,b1-o2&sensor_id=b1-flue-gas-temp&" + window);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith("application/json");
            JsonNode all = answer.json();
            assertThat(all.get("site_id").asString()).isEqualTo(site.siteId());
            assertThat(all.get("resolution").asString()).isEqualTo("raw");
            JsonNode histories = all.get("histories");
            assertThat(histories.findValuesAsString("sensor_id")).containsExactly("b1-steam-pressure", "b1-o2", "b1-flue-gas-temp");
            for (JsonNode history : histories) {
                String sensor = history.get("sensor_id").asString();
                // The same window as the multi answer ran it (an open one ends where it was asked).
                JsonNode alone = get(site, "/sensors/" + sensor + "/readings?from=" + all.get("from").asString()
                        + "&to=" + all.get("to").asString() + "&interval=" + all.get("interval").asString()
                        + "&aggregate=" + all.get("aggregate").asString()
                        + "&tz=" + URLEncoder.encode(all.get("timezone").asString(), StandardCharsets.UTF_8)).json();
                assertThat(history).as("%s over %s", sensor, window).isEqualTo(alone);
            }
            assertThat(histories.get(1).get("points")).as("b1-o2 has no readings").isEmpty();
            assertThat(histories.get(0).get("points")).isNotEmpty();
        }
        assertThat(values(get(site, "/readings?sensor_id=b1-steam-pressure&" + closed).json().get("histories").get(0)))
                .contains("2026-05-04T10:00:00+02:00=null", "2026-05-04T12:00:00+02:00=4.0");

        JsonNode every = get(site, "/readings?interval=1h").json();
        assertThat(every.get("histories").findValuesAsString("sensor_id")).as("no sensor_id: every sensor, by id")
                .containsExactly("b1-flue-gas-temp", "b1-o2", "b1-steam-pressure");
        assertThat(every.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(every.get("interval").asString()).isEqualTo("1h");
    }

    @Test
    void aLateReadingShowsInTheNextMultiSensorAnswerOnceTheGenerationMoves() {
        SiteFixture site = Fixtures.boilerHouse();
        write(List.of(pressure(site, Instant.now().minus(Duration.ofHours(3)), 9), pressure(site, Instant.now().minusSeconds(60), 9)));
        String path = "/readings?sensor_id=b1-steam-pressure,b1-o2&from=" + Instant.now().minus(Duration.ofHours(24)) + "&interval=1h&tz=UTC";
        Instant late = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);

        Answer first = get(site, path);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header()).as("never looked up in the response cache").isNull();
        assertThat(values(first.json().get("histories").get(0))).contains(late + "=9.0");

        write(List.of(pressure(site, late.plusSeconds(1), 11))); // stored as iot-ingestion stores a late one …
        redis.opsForValue().increment(RedisKeys.historyGeneration(site.siteId())); // … which then moves the generation

        Answer second = get(site, path);
        assertThat(second.header()).isNull();
        assertThat(values(second.json().get("histories").get(0))).contains(late + "=10.0");
    }

    @Test
    void badMultiSensorRequestsAreRefusedAsThePerSensorOnesBeforeAiProcessorIsAsked() {
        SiteFixture site = Fixtures.boilerHouse();
        SiteFixture foreign = Fixtures.boilerHouse();
        StringBuilder many = new StringBuilder("b1-o2");
        for (int i = 0; i < 100; i++) {
            many.append(",no-such-").append(i);
        }

        Answer unknown = get(site, "/readings?sensor_id=b1-o2,no-such-sensor");
        Answer tooMany = get(site, "/readings?sensor_id=" + many);
        Answer badInterval = get(site, "/readings?sensor_id=b1-o2&interval=5minutes&aggregate=median");
        Answer tooManyPoints = get(site, "/readings?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&interval=1m");
        Answer empty = get(site, "/readings?sensor_id=b1-o2,");
        Answer other = get(foreign, "/readings?sensor_id=b1-o2", Fixtures.apiKey("reader", false, site.siteId()));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).as("as the per-sensor history answers")
                .isEqualTo(get(site, "/sensors/no-such-sensor/readings").json().get("code").asString()).isEqualTo("sensor_not_found");
        assertThat(unknown.json().get("detail").asString()).contains("no-such-sensor");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("sensor_id");
        assertThat(tooMany.json().get("detail").asString()).contains("101 sensors").contains("at most 100");
        assertThat(badInterval.status()).isEqualTo(422);
        assertThat(badInterval.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("interval", "aggregate");
        assertThat(tooManyPoints.status()).isEqualTo(422);
        assertThat(tooManyPoints.json().get("code").asString()).isEqualTo("too_many_points");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(other.status()).as("a site out of the key's scope").isEqualTo(404);
        assertThat(other.json().get("code").asString()).isEqualTo("site_not_found");
        for (Answer answer : List.of(unknown, tooMany, badInterval, tooManyPoints, empty, other)) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(aiProcessor.clientTraffic()).as("nothing of these reached ai-processor")
                .doesNotContain("no-such-", "5minutes", "2026-01-01T00:00:00Z", foreign.siteId());
    }

    @Test
    void aiProcessorUnreachableIsA503ForTheMultiSensorRequestToo() {
        SiteFixture site = Fixtures.boilerHouse();
        aiProcessor.stop();
        try {
            Answer answer = get(site, "/readings?interval=1h");
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().get("code").asString()).isEqualTo("history_unavailable");
        } finally {
            aiProcessor.start();
        }
        assertThat(get(site, "/readings?interval=1h").status()).isEqualTo(200);
    }

    private Answer get(SiteFixture site, String path) {
        return get(site, path, Fixtures.apiKey("reader", false, site.siteId()));
    }

    private Answer get(SiteFixture site, String path, String key) {
        return new ServiceClient(port).send("GET", "/api/v1/sites/" + site.siteId() + path, null, "X-API-Key", key);
    }

    private static Reading pressure(SiteFixture site, Instant at, double value) {
        return new Reading(site.siteId(), "b1-steam-pressure", "steam_pressure", value, at);
    }

    private static void write(List<Reading> readings) {
        try (InfluxReadingStore store = InfluxReadingStore.connect(new InfluxSettings(
                RealStores.influxUrl(), null, "steambytes", RealStores.runInfluxDatabase(), Duration.ofSeconds(10)))) {
            store.write(readings);
        }
    }

    private static List<String> values(JsonNode history) {
        List<String> values = new ArrayList<>();
        history.get("points").forEach(point -> values.add(point.get("timestamp").asString() + "="
                + (point.get("value").isNull() ? "null" : point.get("value").asDouble())));
        return values;
    }
}
