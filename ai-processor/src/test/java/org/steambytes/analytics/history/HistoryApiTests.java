package org.steambytes.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/** The internal history API against readings written to the real InfluxDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.analytics.enabled=false") // no cycle beside the tests that drive it themselves
class HistoryApiTests {

    private static final String TOKEN = "history-test-token-0123456789";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> TOKEN);
    }

    @LocalServerPort
    int port;

    @Autowired
    InfluxReadingStore store;

    @Test
    void hourlyMeansHaveInclusiveStartsExclusiveEndsAndNullForEmptyBuckets() {
        write("edges", "t1",
                at("2026-05-04T10:00:00Z", 1), at("2026-05-04T10:59:59.999Z", 3),
                at("2026-05-04T11:00:00Z", 10), at("2026-05-04T12:00:00Z", 100));

        JsonNode history = ok("edges", "t1", "from=2026-05-04T09:00:00Z&to=2026-05-04T12:00:00Z&interval=1h&tz=UTC");

        assertThat(points(history)).containsExactly(
                point("2026-05-04T09:00:00Z", null),
                point("2026-05-04T10:00:00Z", 2.0),
                point("2026-05-04T11:00:00Z", 10.0));
        assertThat(history.get("aggregate").asString()).isEqualTo("mean");
        assertThat(history.get("interval").asString()).isEqualTo("1h");
        assertThat(history.get("resolution").asString()).as("within the raw retention of the tests' contexts")
                .isEqualTo("raw");

        long from = java.time.Instant.parse("2026-05-04T09:00:00Z").toEpochMilli();
        long to = java.time.Instant.parse("2026-05-04T12:00:00Z").toEpochMilli();
        assertThat(points(ok("edges", "t1", "from=" + from + "&to=" + to + "&interval=1h&tz=UTC")))
                .as("epoch milliseconds name the same window").isEqualTo(points(history));
    }

    @Test
    void everyAggregateReducesTheBucket() {
        write("agg", "t1", at("2026-05-04T10:01:00Z", 1), at("2026-05-04T10:02:00Z", 3), at("2026-05-04T10:03:00Z", 2));
        String window = "from=2026-05-04T10:00:00Z&to=2026-05-04T12:00:00Z&interval=1h&tz=UTC&aggregate=";
        Map<String, List<Map.Entry<String, Double>>> expected = new LinkedHashMap<>();
        expected.put("mean", List.of(point("2026-05-04T10:00:00Z", 2.0), point("2026-05-04T11:00:00Z", null)));
        expected.put("min", List.of(point("2026-05-04T10:00:00Z", 1.0), point("2026-05-04T11:00:00Z", null)));
        expected.put("max", List.of(point("2026-05-04T10:00:00Z", 3.0), point("2026-05-04T11:00:00Z", null)));
        expected.put("sum", List.of(point("2026-05-04T10:00:00Z", 6.0), point("2026-05-04T11:00:00Z", null)));
        expected.put("count", List.of(point("2026-05-04T10:00:00Z", 3.0), point("2026-05-04T11:00:00Z", 0.0)));
        expected.put("last", List.of(point("2026-05-04T10:00:00Z", 2.0), point("2026-05-04T11:00:00Z", null)));
        expected.forEach((aggregate, points) ->
                assertThat(points(ok("agg", "t1", window + aggregate))).as(aggregate).containsExactlyElementsOf(points));
    }

    @Test
    void dailyBucketsStartAtLocalMidnightAcrossBothDaylightSavingChanges() {
        // One reading per hour; a daily count is then the length of the local day in hours.
        write("dst", "t1", hourly("2026-03-27T23:00:00Z", "2026-03-30T22:00:00Z"));
        write("dst", "t1", hourly("2026-10-23T22:00:00Z", "2026-10-26T23:00:00Z"));

        JsonNode spring = ok("dst", "t1", "from=2026-03-27T23:00:00Z&to=2026-03-30T22:00:00Z&interval=1d&aggregate=count&tz="
                + enc("Europe/Berlin"));
        JsonNode autumn = ok("dst", "t1", "from=2026-10-23T22:00:00Z&to=2026-10-26T23:00:00Z&interval=1d&aggregate=count&tz="
                + enc("Europe/Berlin"));

        assertThat(points(spring)).containsExactly(
                point("2026-03-28T00:00:00+01:00", 24.0),
                point("2026-03-29T00:00:00+01:00", 23.0),
                point("2026-03-30T00:00:00+02:00", 24.0));
        assertThat(points(autumn)).containsExactly(
                point("2026-10-24T00:00:00+02:00", 24.0),
                point("2026-10-25T00:00:00+02:00", 25.0),
                point("2026-10-26T00:00:00+01:00", 24.0));
        assertThat(spring.get("timezone").asString()).isEqualTo("Europe/Berlin");
    }

    @Test
    void aWindowStartingInsideABucketCountsOnlyReadingsFromItsStart() {
        write("partial", "t1", at("2026-05-04T10:15:00Z", 5), at("2026-05-04T10:45:00Z", 7));

        JsonNode history = ok("partial", "t1", "from=2026-05-04T10:30:00Z&to=2026-05-04T11:00:00Z&interval=1h&tz=UTC");

        assertThat(points(history)).containsExactly(point("2026-05-04T10:00:00Z", 7.0));
    }

    @Test
    void quotesInNamesAreDataNotInfluxQl() {
        write("quotes", "t1", at("2026-05-04T10:15:00Z", 5));

        String window = "from=2026-05-04T10:00:00Z&to=2026-05-04T11:00:00Z&interval=1h&tz=UTC";

        assertThat(points(ok("quotes", "t1", window))).containsExactly(point("2026-05-04T10:00:00Z", 5.0));
        // A window without any reading of the sensor has no buckets at all (there is no series to fill).
        assertThat(points(ok("quotes", enc("t1' OR sensor_id = 't1"), window))).isEmpty();
        assertThat(points(ok(enc("quotes' OR site_id = 'quotes"), "t1", window))).isEmpty();
    }

    @Test
    void moreThanTenThousandPointsIsRefusedWithHowToNarrowIt() {
        ServiceClient.Answer answer = get("/internal/v1/history?site_id=a&sensor_id=b"
                + "&from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z&interval=1m", "Bearer " + TOKEN);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("too_many_points");
        assertThat(answer.json().get("detail").asString()).contains("43201 points").contains("wider interval");
    }

    @Test
    void everyBadParameterIsNamed() {
        ServiceClient.Answer answer = get("/internal/v1/history?site_id=a&sensor_id=b&from=2026-05-02T00:00:00Z"
                + "&to=2026-05-01T00:00:00Z&interval=5minutes&aggregate=median&tz=Mars/Olympus", "Bearer " + TOKEN);

        assertThat(answer.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        answer.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("to", "aggregate", "tz", "interval");

        ServiceClient.Answer badTime = get("/internal/v1/history?site_id=a&sensor_id=b&from=yesterday", "Bearer " + TOKEN);
        assertThat(badTime.status()).isEqualTo(422);
        assertThat(badTime.json().get("errors").get(0).get("field").asString()).isEqualTo("from");

        ServiceClient.Answer outOfRange = get("/internal/v1/history?site_id=a&sensor_id=b&from=1500-01-01T00:00:00Z"
                + "&to=%2B100000-01-01T00:00:00Z", "Bearer " + TOKEN);
        assertThat(outOfRange.status()).as(outOfRange.body()).isEqualTo(422);
        assertThat(outOfRange.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("from", "to");

        ServiceClient.Answer wider = get("/internal/v1/history?site_id=a&sensor_id=b&interval=1000000d", "Bearer " + TOKEN);
        assertThat(wider.status()).as("wider than InfluxDB's durations: the client's mistake, not an outage").isEqualTo(422);
        assertThat(wider.json().get("errors").get(0).get("message").asString()).contains("at most 3650d");

        ServiceClient.Answer noSensor = get("/internal/v1/history?site_id=a", "Bearer " + TOKEN);
        assertThat(noSensor.status()).isEqualTo(400);
        assertThat(noSensor.contentType()).startsWith("application/problem+json");
    }

    @Test
    void severalSensorsAnswerTogetherEachAsItsOwnHistory() {
        write("multi", "t1", at("2026-05-04T10:15:00Z", 5), at("2026-05-04T11:15:00Z", 6));
        write("multi", "t2", at("2026-05-04T10:45:00Z", 7));
        String window = "from=2026-05-04T10:00:00Z&to=2026-05-04T12:00:00Z&interval=1h&tz=UTC";

        ServiceClient.Answer answer = get("/internal/v1/histories?site_id=multi&sensor_id=t2,none&sensor_id=t1&sensor_id=t2&"
                + window, "Bearer " + TOKEN);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode all = answer.json();
        assertThat(all.get("site_id").asString()).isEqualTo("multi");
        assertThat(all.get("interval").asString()).isEqualTo("1h");
        assertThat(all.get("aggregate").asString()).isEqualTo("mean");
        assertThat(all.get("timezone").asString()).isEqualTo("UTC");
        assertThat(all.get("resolution").asString()).isEqualTo("raw");
        assertThat(all.get("from").asString()).isEqualTo("2026-05-04T10:00:00Z");
        assertThat(all.get("histories").findValuesAsString("sensor_id")).as("each once, in the order asked")
                .containsExactly("t2", "none", "t1");
        assertThat(all.get("histories").get(0)).isEqualTo(ok("multi", "t2", window));
        assertThat(all.get("histories").get(1)).isEqualTo(ok("multi", "none", window));
        assertThat(all.get("histories").get(2)).isEqualTo(ok("multi", "t1", window));
        assertThat(points(all.get("histories").get(2))).containsExactly(point("2026-05-04T10:00:00Z", 5.0),
                point("2026-05-04T11:00:00Z", 6.0));

        ServiceClient.Answer none = get("/internal/v1/histories?site_id=multi&" + window, "Bearer " + TOKEN);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("histories")).isEmpty();
    }

    @Test
    void tooManySensorsOrPointsInAllAreRefused() {
        StringBuilder sensors = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            sensors.append(i == 0 ? "" : ",").append("s").append(i);
        }
        ServiceClient.Answer tooMany = get("/internal/v1/histories?site_id=a&sensor_id=" + sensors, "Bearer " + TOKEN);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("sensor_id");

        // 30 sensors × 8,641 buckets: each within the per-sensor limit, together more than 200,000.
        ServiceClient.Answer points = get("/internal/v1/histories?site_id=a&sensor_id=" + sensors.substring(0, sensors.indexOf("s31") - 1)
                + "&from=2026-04-01T00:00:00Z&to=2026-04-07T00:00:00Z&interval=1m", "Bearer " + TOKEN);
        assertThat(points.status()).as(points.body()).isEqualTo(422);
        assertThat(points.json().get("code").asString()).isEqualTo("too_many_points");

        ServiceClient.Answer empty = get("/internal/v1/histories?site_id=a&sensor_id=s1,,s2", "Bearer " + TOKEN);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(get("/internal/v1/histories?site_id=a&sensor_id=s1", null).status()).isEqualTo(401);
    }

    @Test
    void onlyTheInternalTokenReadsHistory() {
        String path = "/internal/v1/history?site_id=a&sensor_id=b";
        assertThat(get(path, null).status()).isEqualTo(401);
        assertThat(get(path, "Bearer wrong-token").status()).isEqualTo(401);
        assertThat(get(path, "Bearer " + TOKEN).status()).isEqualTo(200);
    }

    private JsonNode ok(String site, String sensor, String query) {
        ServiceClient.Answer answer = get("/internal/v1/history?site_id=" + site + "&sensor_id=" + sensor + "&" + query,
                "Bearer " + TOKEN);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private ServiceClient.Answer get(String path, String authorization) {
        ServiceClient client = new ServiceClient(port);
        return authorization == null ? client.get(path) : client.get(path, authorization);
    }

    private void write(String site, String sensor, Map.Entry<Instant, Double>... readings) {
        write(site, sensor, List.of(readings));
    }

    private void write(String site, String sensor, List<Map.Entry<Instant, Double>> readings) {
        store.write(readings.stream()
                .map(reading -> new Reading(site, sensor, "temperature", reading.getValue(), reading.getKey()))
                .toList());
    }

    private static List<Map.Entry<Instant, Double>> hourly(String from, String to) {
        List<Map.Entry<Instant, Double>> readings = new ArrayList<>();
        for (Instant t = Instant.parse(from); t.isBefore(Instant.parse(to)); t = t.plus(Duration.ofHours(1))) {
            readings.add(Map.entry(t, 1.0));
        }
        return readings;
    }

    private static Map.Entry<Instant, Double> at(String time, double value) {
        return Map.entry(Instant.parse(time), value);
    }

    private static Map.Entry<String, Double> point(String ts, Double value) {
        return new java.util.AbstractMap.SimpleImmutableEntry<>(ts, value);
    }

    private static List<Map.Entry<String, Double>> points(JsonNode history) {
        List<Map.Entry<String, Double>> points = new ArrayList<>();
        history.get("points").forEach(point -> points.add(
                point(point.get("timestamp").asString(), point.get("value").isNull() ? null : point.get("value").asDouble())));
        return points;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
