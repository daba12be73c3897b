package org.steambytes.ingestion.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.WritePrecision;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BatchPoints;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.ingestion.storage.ReadingPipeline;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.TestSecrets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * InfluxDB's write endpoints over real HTTP against real PostgreSQL, InfluxDB and Redis, written to
 * with the InfluxDB client libraries (influxdb-java for 1.x, influxdb-client-java for 2.x) as well as
 * by hand (gzip, the credential variants).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.ingestion.metadata-ttl=2s")
class InfluxWriteApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.ingestion.spool.directory", () -> "target/spool-influx-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;
    @Autowired
    InfluxReadingStore influx;
    @Autowired
    ReadingPipeline pipeline;

    private SiteFixture site;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InfluxDB> clients = new ArrayList<>();

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void newSite() {
        site = Fixtures.boilerHouse();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(InfluxDB::close);
    }

    @Test
    void influxJavaClientWritesReadingsWithTheTokenAsPassword() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        InfluxDB client = client(InfluxDBFactory.connect(url(), "any-user", site.gatewayToken()));

        client.write(BatchPoints.database(site.siteId())
                .point(Point.measurement("boiler").tag("sensor_id", "b1-o2").tag("host", "gw-1")
                        .addField("value", 3.5).time(t.toEpochMilli(), TimeUnit.MILLISECONDS).build())
                .point(Point.measurement("b1").addField("steam_pressure", 10.4).addField("flue_gas_temp", 182L)
                        .time(t.toEpochMilli() * 1000 + 999, TimeUnit.MICROSECONDS).build())
                .build());

        assertThat(stored("b1-o2")).containsExactly(new Reading(site.siteId(), "b1-o2", "flue_gas_o2", 3.5, t));
        assertThat(stored("b1-steam-pressure")).extracting(Reading::value, Reading::timestamp)
                .as("microseconds are kept to the millisecond").containsExactly(org.assertj.core.groups.Tuple.tuple(10.4, t));
        assertThat(stored("b1-flue-gas-temp")).extracting(Reading::value).containsExactly(182.0);
    }

    @Test
    void influxJavaClientWritesWithATokenHeaderAndALineWithoutTimestampMeansNow() {
        OkHttpClient.Builder withToken = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().header("Authorization", "Token " + site.gatewayToken()).build()));
        InfluxDB client = client(InfluxDBFactory.connect(url(), withToken));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        client.write(site.siteId(), "autogen", InfluxDB.ConsistencyLevel.ONE,
                "boiler,sensor_id=b1-o2 value=4.25");

        List<Reading> stored = stored("b1-o2");
        assertThat(stored).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(4.25);
            assertThat(r.timestamp()).isBetween(before, Instant.now());
        });
    }

    @Test
    void influxDb2ClientWritesToTheV2EndpointAndShowsOurErrors() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(90);
        try (InfluxDBClient client = InfluxDBClientFactory.create(url(), site.gatewayToken().toCharArray(), "any-org",
                site.siteId())) {
            client.getWriteApiBlocking().writeRecord(WritePrecision.MS,
                    "boiler,sensor_id=b1-o2 value=6.5 " + t.toEpochMilli());
            client.getWriteApiBlocking().writePoint(com.influxdb.client.write.Point.measurement("b1")
                    .addField("steam_pressure", 11.5).time(t, WritePrecision.NS));

            assertThatThrownBy(() -> client.getWriteApiBlocking().writeRecord(WritePrecision.MS, "boiler value=x"))
                    .isInstanceOf(com.influxdb.exceptions.BadRequestException.class)
                    .hasMessageContaining("line 1: unable to parse 'boiler value=x'");
        }

        assertThat(stored("b1-o2")).containsExactly(new Reading(site.siteId(), "b1-o2", "flue_gas_o2", 6.5, t));
        assertThat(stored("b1-steam-pressure")).extracting(Reading::value, Reading::timestamp)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(11.5, t));
    }

    @Test
    void refusesAMalformedLineNamingItAndStoresNothingOfTheBatch() {
        InfluxDB client = client(InfluxDBFactory.connect(url(), "u", site.gatewayToken()));

        assertThatThrownBy(() -> client.write(site.siteId(), "", InfluxDB.ConsistencyLevel.ONE, TimeUnit.SECONDS,
                "boiler,sensor_id=b1-o2 value=3\nboiler,sensor_id=b1-o2 value=oops\n"))
                .isInstanceOf(InfluxDBException.class)
                .hasMessageContaining("line 2: unable to parse 'boiler,sensor_id=b1-o2 value=oops'");

        Answer answer = write("/write?db=" + site.siteId(), token(), "b1-o2 value=3\n\nb1-o2,x value=4\n".getBytes());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).startsWith("line 3: unable to parse").contains("missing tag value");
        assertThat(answer.headers().firstValue("X-Influxdb-Error")).isPresent();
        assertThat(stored("b1-o2")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Fixtures.count(
                "SELECT count(*) FROM ingestion_logs WHERE site_id = '" + site.siteId()
                        + "' AND accepted = 0 AND rejection_reasons::text LIKE '%missing tag value%'")).isEqualTo(1));
    }

    @Test
    void refusesInvalidReadingsLikeTheJsonEndpointNamingEachLine() {
        long now = Instant.now().getEpochSecond();
        Answer answer = write("/write?precision=s", token(), ("""
                boiler,sensor_id=b1-o2 value=3 %d
                boiler,sensor_id=b1-o2 value=22.5 %d
                b1 steam_pressure="high"
                boiler,sensor_id=b1-o2 value=3 %d
                boiler,sensor_id=b1-o2 value=1e999
                """).formatted(now, now, now + 600, now).getBytes());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        String error = answer.json().path("error").asString();
        assertThat(error).startsWith("4 readings are invalid, nothing of this batch was stored")
                .contains("line 2: field 'value' of 'boiler', sensor 'b1-o2', value 22.5 is outside the sensor's valid range [0, 21]")
                .contains("line 3: field 'steam_pressure' of 'b1', sensor 'b1-steam-pressure': a string is no reading")
                .contains("line 4: ").contains("ahead of the server clock")
                .contains("line 5: ").contains("finite");
        assertThat(error.indexOf("line 2")).isLessThan(error.indexOf("line 3"));
        assertThat(stored("b1-o2")).isEmpty();
    }

    @Test
    void skipsFieldsThatNameNoSensorStoresTheRestAndCountsThem() {
        Answer answer = write("/write?db=" + site.siteId() + "&precision=ms", token(), ("""
                cpu,host=gw-1 usage_idle=98.5,usage_user=1.5 %1$d
                b1,host=gw-1 steam_pressure=10.5,uptime=3600i %1$d
                boiler,sensor_id=b1-o2 value=3.1,rssi=-60i %1$d
                """).formatted(Instant.now().toEpochMilli()).getBytes());

        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(stored("b1-steam-pressure")).extracting(Reading::value).containsExactly(10.5);
        assertThat(stored("b1-o2")).extracting(Reading::value).containsExactly(3.1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Fixtures.count(
                "SELECT count(*) FROM ingestion_logs WHERE site_id = '" + site.siteId() + "' AND accepted = 2"
                        + " AND rejected = 4 AND rejection_reasons::text LIKE '%cpu-usage-idle%'")).isEqualTo(1));
        String metrics = send(HttpRequest.newBuilder(URI.create(url() + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + TestSecrets.INTERNAL_TOKEN).GET()).body();
        assertThat(metrics).containsPattern("ingestion_line_fields_unmapped_fields_total(\\{[^}]*})? [1-9]");
    }

    @Test
    void readsTheBodyAsLinesWhateverContentTypeTheClientSends() {
        // curl --data-binary sends application/x-www-form-urlencoded: the body must not be taken for a form.
        for (String contentType : List.of("application/x-www-form-urlencoded", "application/octet-stream")) {
            Answer answer = send(HttpRequest.newBuilder(URI.create(url() + "/write?precision=ms"))
                    .header("Authorization", token()).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("boiler,sensor_id=b1-o2 value=7 "
                            + Instant.now().minusSeconds(contentType.length()).toEpochMilli())));
            assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        }
        assertThat(stored("b1-o2")).hasSize(2);
    }

    @Test
    void acceptsV2WritesGzipAndEveryPrecision() throws IOException {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        String lines = "boiler,sensor_id=b1-o2 value=5 " + t.getEpochSecond() + "\n";

        Answer answer = write("/api/v2/write?org=acme&bucket=" + site.siteId() + "/autogen&precision=s",
                token(), gzip(lines), "Content-Encoding", "gzip");
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        for (String precision : List.of("ns", "us", "ms")) {
            long stamp = switch (precision) {
                case "ns" -> t.plusMillis(1).toEpochMilli() * 1_000_000 + 999_999;
                case "us" -> t.plusMillis(2).toEpochMilli() * 1_000 + 999;
                default -> t.plusMillis(3).toEpochMilli();
            };
            assertThat(write("/api/v2/write?bucket=" + site.siteId() + "&precision=" + precision, token(),
                    ("boiler,sensor_id=b1-o2 value=5 " + stamp).getBytes()).status()).isEqualTo(204);
        }

        assertThat(stored("b1-o2")).extracting(Reading::timestamp)
                .containsExactly(t, t.plusMillis(1), t.plusMillis(2), t.plusMillis(3));
        Answer badPrecision = write("/api/v2/write?precision=d", token(), lines.getBytes());
        assertThat(badPrecision.status()).isEqualTo(400);
        assertThat(badPrecision.json().path("code").asString()).isEqualTo("invalid");
        assertThat(badPrecision.json().path("message").asString()).contains("precision 'd'");
        assertThat(write("/write", token(), "not gzip".getBytes(), "Content-Encoding", "gzip").status()).isEqualTo(400);
    }

    @Test
    void takesTheTokenFromEveryPlaceInfluxClientsPutItAndRefusesOthersAsInfluxDoes() {
        byte[] line = "boiler,sensor_id=b1-o2 value=3".getBytes();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("telegraf:" + site.gatewayToken()).getBytes());

        assertThat(write("/write", token(), line).status()).isEqualTo(204);
        assertThat(write("/write", "Bearer " + site.gatewayToken(), line).status()).isEqualTo(204);
        assertThat(write("/write", basic, line).status()).isEqualTo(204);
        assertThat(write("/write?u=someone&p=" + site.gatewayToken(), null, line).status()).isEqualTo(204);
        assertThat(write("/api/v2/write", token(), line).status()).isEqualTo(204);

        Answer none = write("/write", null, line);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("error").asString()).isEqualTo("unable to parse authentication credentials");
        Answer wrong = write("/write?u=x&p=gw_wrong", null, line);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").asString()).startsWith("authorization failed");
        Answer wrongV2 = write("/api/v2/write", "Token gw_wrong", line);
        assertThat(wrongV2.status()).isEqualTo(401);
        assertThat(wrongV2.json().path("code").asString()).isEqualTo("unauthorized");
        assertThat(write("/write", "Basic !!!", line).status()).isEqualTo(401);

        SiteFixture other = Fixtures.boilerHouse();
        Answer foreign = write("/write?db=" + other.siteId(), token(), line);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().path("error").asString()).contains("cannot write to database '" + other.siteId() + "'");
        assertThat(write("/api/v2/write?bucket=" + other.siteId(), token(), line).status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(20)).until(pipeline::isCaughtUp);
        assertThat(influx.findReadings(other.siteId(), "b1-o2", Instant.EPOCH, Instant.now().plusSeconds(600))).isEmpty();

        assertThat(send(HttpRequest.newBuilder(URI.create(url() + "/ping")).GET()).status()).isEqualTo(204);
    }

    @Test
    void refusesBodiesAndBatchesOverTheLimitsWith413() throws IOException {
        String big = "b1-o2 value=3 " + "\n".repeat(1024 * 1024);
        Answer tooBig = write("/write", token(), big.getBytes());
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().path("error").asString()).contains("at most 1048576 bytes");

        Answer inflatesTooBig = write("/write", token(), gzip(big), "Content-Encoding", "gzip");
        assertThat(inflatesTooBig.status()).as("the limit applies to the inflated body").isEqualTo(413);

        StringBuilder many = new StringBuilder();
        long start = Instant.now().minusSeconds(3600).toEpochMilli();
        for (int i = 0; i < 5001; i++) {
            many.append("boiler,sensor_id=b1-o2 value=3 ").append(start + i).append('\n');
        }
        Answer tooMany = write("/write?precision=ms", token(), many.toString().getBytes());
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.json().path("error").asString()).contains("at most 5000 readings");
        assertThat(stored("b1-o2")).isEmpty();
    }

    private InfluxDB client(InfluxDB client) {
        clients.add(client);
        return client;
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }

    private String token() {
        return "Token " + site.gatewayToken();
    }

    private Answer write(String path, String authorization, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** What InfluxDB holds for the sensor once every batch journalled so far has been shipped. */
    private List<Reading> stored(String sensorId) {
        await().atMost(Duration.ofSeconds(20)).until(pipeline::isCaughtUp);
        return influx.findReadings(site.siteId(), sensorId, Instant.now().minus(Duration.ofDays(40)),
                Instant.now().plus(Duration.ofMinutes(10)));
    }
}
