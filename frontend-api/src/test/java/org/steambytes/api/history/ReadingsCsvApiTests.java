package org.steambytes.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.api.InProcessServices;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.reading.Reading;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import org.steambytes.testsupport.TcpProxy;

/**
 * CSV export through frontend-api → the real ai-processor (in this process) → the real InfluxDB, with a
 * TCP proxy in front of ai-processor so a test can cut it off in the middle of a download.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadingsCsvApiTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
    ReadingsExport export;

    @Test
    void aYearOfHourlyMeansHasOneWholeRowPerHourAcrossEveryChunk() throws IOException {
        SiteFixture site = Fixtures.boilerHouse(); // Europe/Berlin
        // Two readings an hour for a year: pressure at :10 and :40, temperature at :40 of even hours only.
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        int hours = 365 * 24;
        List<Reading> readings = new ArrayList<>();
        for (int hour = 0; hour < hours; hour++) {
            Instant at = start.plus(Duration.ofHours(hour));
            readings.add(reading(site, "b1-steam-pressure", at.plusSeconds(600), hour % 100));
            readings.add(reading(site, "b1-steam-pressure", at.plusSeconds(2400), hour % 100 + 1));
            if (hour % 2 == 0) {
                readings.add(reading(site, "b1-flue-gas-temp", at.plusSeconds(2400), 150 + hour % 50));
            }
        }
        write(readings);

        // From :30, so every chunk's end cuts a bucket in two (its two readings fall on both sides of the cut).
        Download download = download(site, "?from=2025-01-01T00:30:00Z&to=2026-01-01T00:00:00Z&interval=1h"
                + "&sensor_id=b1-steam-pressure&sensor_id=b1-flue-gas-temp", reader(site));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/csv");
        assertThat(download.disposition()).startsWith("attachment").contains("filename=\"" + site.siteId() + "-readings-");
        List<String> lines = download.lines();
        assertThat(lines.get(0)).isEqualTo("time_utc,time_local,b1-steam-pressure,b1-flue-gas-temp");
        assertThat(lines).hasSize(1 + hours).as("%d chunks of at most %d buckets", hours / ReadingsExport.CHUNK_BUCKETS + 1,
                ReadingsExport.CHUNK_BUCKETS);
        // The first bucket is the one from falls in and counts from from on: only its :40 reading.
        assertThat(lines.get(1)).isEqualTo("2025-01-01T00:00:00Z,2025-01-01T01:00:00+01:00,1,150");
        for (int hour = 1; hour < hours; hour++) {
            Instant bucket = start.plus(Duration.ofHours(hour));
            String temperature = hour % 2 == 0 ? String.valueOf(150 + hour % 50) : "";
            assertThat(lines.get(hour + 1)).as("hour %d", hour).isEqualTo(bucket + ","
                    + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(bucket, BERLIN)) + "," + CsvRowsNumbers.mean(hour % 100, hour % 100 + 1)
                    + "," + temperature);
        }
        assertThat(lines).contains("2025-03-30T01:00:00Z,2025-03-30T03:00:00+02:00,"
                + CsvRowsNumbers.mean(2113 % 100, 2113 % 100 + 1) + ",");
    }

    @Test
    void theExportIsWrittenOutChunkByChunkNeverHeldWhole() throws IOException {
        SiteFixture site = Fixtures.boilerHouse();
        List<Reading> readings = new ArrayList<>();
        Instant start = Instant.parse("2025-02-01T00:00:00Z");
        for (int minute = 0; minute < 28 * 24 * 60; minute += 1) {
            readings.add(reading(site, "b1-o2", start.plus(Duration.ofMinutes(minute)).plusSeconds(5), 3 + minute % 7));
        }
        write(readings);
        ApiCaller reader = ApiCaller.key(UUID.randomUUID(), ApiRole.READER, false, java.util.Set.of(site.siteId()));
        ReadingsExport.Download download = export.prepare(reader, site.siteId(), new ExportQuery.Parameters(
                "2025-02-01T00:00:00Z", "2025-03-01T00:00:00Z", "1m", null, List.of("b1-o2")));
        FlushCountingWriter out = new FlushCountingWriter();

        export.write(download.query(), out);

        assertThat(out.rows).isEqualTo(1 + 28 * 24 * 60);
        assertThat(out.flushes).as("a month of minutes: about 41 chunks").isGreaterThanOrEqualTo(28 * 24 * 60 / ReadingsExport.CHUNK_BUCKETS);
        assertThat(out.mostRowsInOneFlush).as("never more than a chunk between two flushes").isLessThanOrEqualTo(ReadingsExport.CHUNK_BUCKETS);
    }

    /** Counts rows and flushes; keeps nothing of what is written. */
    private static final class FlushCountingWriter extends java.io.Writer {
        int rows;
        int flushes;
        int mostRowsInOneFlush;
        private int sinceFlush;

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    rows++;
                    sinceFlush++;
                }
            }
        }

        @Override
        public void flush() {
            flushes++;
            mostRowsInOneFlush = Math.max(mostRowsInOneFlush, sinceFlush);
            sinceFlush = 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void everyRefusalIsProblemJsonBeforeAnyCsv() {
        SiteFixture site = Fixtures.boilerHouse();
        SiteFixture other = Fixtures.boilerHouse();

        Answer unknownSensor = get(site, "?sensor_id=b1-o2,no-such-sensor", reader(site));
        Answer bad = get(site, "?interval=1x&aggregate=median&from=yesterday", reader(site));
        Answer tooMany = get(site, "?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=10s", reader(site));
        Answer tooLong = get(site, "?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=1d", reader(site));
        Answer foreign = get(site, "", reader(other));
        Answer missing = get(new SiteFixture("no-such-site", List.of(), null, null), "",
                Fixtures.apiKey("reader", true));

        assertThat(unknownSensor.status()).isEqualTo(422);
        assertThat(unknownSensor.json().get("errors").get(0).get("message").asString()).contains("no-such-sensor");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("from", "interval", "aggregate");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("too_many_rows");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").findValuesAsString("field")).containsExactly("from");
        assertThat(foreign.status()).as("another site's key: as if the site did not exist").isEqualTo(404);
        assertThat(foreign.json().get("code").asString()).isEqualTo("site_not_found");
        assertThat(missing.status()).isEqualTo(404);
        for (Answer answer : List.of(unknownSensor, bad, tooMany, tooLong, foreign, missing)) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void allSensorsByDefaultAndNeverFromTheResponseCache() {
        SiteFixture site = Fixtures.boilerHouse();
        write(List.of(reading(site, "b1-o2", Instant.parse("2025-06-01T10:15:00Z"), 3.5),
                reading(site, "b1-o2", Instant.parse("2025-06-01T10:45:00Z"), 4.0),
                reading(site, "b1-steam-pressure", Instant.parse("2025-06-01T12:05:00Z"), 10.25)));
        String query = "?from=2025-06-01T00:00:00Z&to=2025-06-02T00:00:00Z&interval=1h&aggregate=max";

        Answer first = get(site, query, reader(site));
        Answer second = get(site, query, reader(site));

        assertThat(first.body()).isEqualTo("time_utc,time_local,b1-flue-gas-temp,b1-o2,b1-steam-pressure\r\n"
                + "2025-06-01T10:00:00Z,2025-06-01T12:00:00+02:00,,4,\r\n"
                + "2025-06-01T12:00:00Z,2025-06-01T14:00:00+02:00,,,10.25\r\n");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.header()).as("past the response cache").isNull();
        assertThat(second.header()).isNull();
        String trafficBefore = aiProcessor.clientTraffic();
        Answer head = new ServiceClient(port).send("HEAD", "/api/v1/sites/" + site.siteId() + "/readings.csv" + query,
                null, "X-API-Key", reader(site));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).startsWith("text/csv");
        assertThat(aiProcessor.clientTraffic()).as("HEAD reads no history").isEqualTo(trafficBefore);
    }

    @Test
    void aChunkFailingMidStreamBreaksTheDownloadInsteadOfEndingItShort() throws IOException {
        SiteFixture site = Fixtures.boilerHouse();
        write(List.of(reading(site, "b1-o2", Instant.parse("2025-01-01T00:10:00Z"), 3.0)));
        // A year in 5-minute buckets: 106 chunks; the first one has a row.
        HttpResponse<InputStream> response = stream(site, "?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z"
                + "&interval=5m&sensor_id=b1-o2", reader(site));
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(body.readLine()).isEqualTo("time_utc,time_local,b1-o2");
            assertThat(body.readLine()).as("the first chunk arrives while the rest is still read")
                    .isEqualTo("2025-01-01T00:10:00Z,2025-01-01T01:10:00+01:00,3");
            aiProcessor.stop();
            assertThatThrownBy(() -> {
                while (body.readLine() != null) {
                    // drain what was sent before the failure
                }
            }).as("the client sees a broken transfer, not an end of file").isInstanceOf(IOException.class);
        } finally {
            aiProcessor.start();
        }
    }

    private String reader(SiteFixture site) {
        return Fixtures.apiKey("reader", false, site.siteId());
    }

    private Answer get(SiteFixture site, String query, String key) {
        return new ServiceClient(port).send("GET", "/api/v1/sites/" + site.siteId() + "/readings.csv" + query, null,
                "X-API-Key", key);
    }

    private HttpResponse<InputStream> stream(SiteFixture site, String query, String key) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sites/"
                + site.siteId() + "/readings.csv" + query)).header("X-API-Key", key).timeout(Duration.ofMinutes(2)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Download download(SiteFixture site, String query, String key) throws IOException {
        HttpResponse<InputStream> response = stream(site, query, key);
        List<String> lines = new ArrayList<>();
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = body.readLine()) != null) {
                lines.add(line);
            }
        }
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Disposition").orElse(""), lines);
    }

    private record Download(int status, String contentType, String disposition, List<String> lines) {
    }

    /** How the CSV writes a mean of two readings. */
    private static final class CsvRowsNumbers {
        static String mean(double a, double b) {
            return CsvRows.number((a + b) / 2);
        }
    }

    private static Reading reading(SiteFixture site, String sensorId, Instant at, double value) {
        String type = switch (sensorId) {
            case "b1-steam-pressure" -> "steam_pressure";
            case "b1-flue-gas-temp" -> "flue_gas_temperature";
            default -> "flue_gas_o2";
        };
        return new Reading(site.siteId(), sensorId, type, value, at);
    }

    private static void write(List<Reading> readings) {
        try (InfluxReadingStore store = InfluxReadingStore.connect(new InfluxSettings(
                RealStores.influxUrl(), null, "steambytes", RealStores.runInfluxDatabase(), Duration.ofSeconds(10)))) {
            for (int from = 0; from < readings.size(); from += 5_000) {
                store.write(readings.subList(from, Math.min(from + 5_000, readings.size())));
            }
        }
    }
}
