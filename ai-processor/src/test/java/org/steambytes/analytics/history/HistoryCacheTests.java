package org.steambytes.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryPoint;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.history.SiteHistories;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.RealStores;

/**
 * The closed-bucket cache against the real InfluxDB and Redis. Readings are written straight into the
 * store, past iot-ingestion, so nothing moves the site's history generation but the test itself: a
 * cached bucket then shows what it held, which proves the store was not asked for it.
 */
@SpringBootTest(properties = "steambytes.analytics.enabled=false")
class HistoryCacheTests {

    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns");
    private static final List<String> INTERVALS = List.of("15m", "1h", "1d");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> "history-cache-test-token-0123456789");
    }

    @Autowired
    HistoryReader reader;

    @Autowired
    InfluxReadingStore store;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    Clock clock;

    @Test
    void aRepeatedLoadReadsOnlyTheOpenBucketAndTheOneFromCutsIntoUntilTheGenerationMoves() {
        String site = "cache-" + UUID.randomUUID();
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant from = hour.minus(Duration.ofHours(5)).plus(Duration.ofMinutes(20));
        write(site, "s1", hour.minus(Duration.ofHours(5)).plus(Duration.ofMinutes(30)), 5);
        write(site, "s1", hour.minus(Duration.ofHours(3)).plus(Duration.ofMinutes(10)), 1);
        write(site, "s1", hour.minus(Duration.ofHours(2)).plus(Duration.ofMinutes(10)), 4);
        writeNow(site, "s1", 7);

        List<Double> first = values(read(site, "s1", from, "1h", "mean", "UTC"));
        assertThat(first).containsExactly(5.0, null, 1.0, 4.0, null, 7.0);

        // Late readings land in the store without iot-ingestion: the generation stays where it was.
        write(site, "s1", hour.minus(Duration.ofHours(3)).plus(Duration.ofMinutes(20)), 3);
        write(site, "s1", hour.minus(Duration.ofHours(5)).plus(Duration.ofMinutes(40)), 9);
        writeNow(site, "s1", 11);

        List<Double> second = values(read(site, "s1", from, "1h", "mean", "UTC"));
        assertThat(second.get(2)).as("a closed bucket comes from the cache, not the store").isEqualTo(1.0);
        assertThat(second.get(0)).as("the bucket 'from' cuts into is read fresh").isEqualTo(7.0);
        assertThat(second.get(5)).as("the open bucket is read fresh").isEqualTo(9.0);

        redis.opsForValue().increment(RedisKeys.historyGeneration(site));

        List<Double> third = values(read(site, "s1", from, "1h", "mean", "UTC"));
        assertThat(third).containsExactly(7.0, null, 2.0, 4.0, null, 9.0);
    }

    @Test
    void aWindowWhollyInThePastIsCachedEvenWithUnalignedEnds() {
        String site = "past-" + UUID.randomUUID();
        Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        write(site, "s1", day.plus(Duration.ofMinutes(10)), 2);
        write(site, "s1", day.plus(Duration.ofMinutes(70)), 6);
        write(site, "s1", day.plus(Duration.ofMinutes(130)), 8);
        Instant from = day.plus(Duration.ofMinutes(5));
        Instant to = day.plus(Duration.ofMinutes(150));

        HistoryQuery query = query(site, "s1", from, to, "1h", "sum", "UTC");
        assertThat(values(reader.read(query).points())).containsExactly(2.0, 6.0, 8.0);

        write(site, "s1", day.plus(Duration.ofMinutes(20)), 100); // the bucket 'from' cuts into: fresh
        write(site, "s1", day.plus(Duration.ofMinutes(80)), 100); // a whole closed bucket: cached
        write(site, "s1", day.plus(Duration.ofMinutes(140)), 100); // the bucket 'to' cuts into: fresh

        assertThat(values(reader.read(query).points())).containsExactly(102.0, 6.0, 108.0);
    }

    @Test
    void aLongWindowOfThousandsOfBucketsIsCachedWhole() {
        String site = "long-" + UUID.randomUUID();
        Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(5));
        write(site, "s1", from.plus(Duration.ofMinutes(10)), 1);
        write(site, "s1", from.plus(Duration.ofMinutes(4000)), 2);
        HistoryQuery query = query(site, "s1", from, from.plus(Duration.ofDays(4)), "1m", "max", "UTC");

        List<HistoryPoint> first = reader.read(query).points();
        assertThat(first).hasSize(4 * 24 * 60).isEqualTo(expected(query));
        write(site, "s1", from.plus(Duration.ofMinutes(4000)).plusSeconds(30), 50);

        assertThat(reader.read(query).points().get(4000).value()).as("bucket 4,000 of 5,760: cached too").isEqualTo(2.0);
    }

    @Test
    void cachedAnswersEqualTheStoresForEveryAggregateZoneAndInterval() {
        String site = "same-" + UUID.randomUUID();
        Instant now = clock.instant();
        List<Reading> readings = new ArrayList<>();
        // Irregular readings over the last three days, a gap of six hours, and one in the open hour.
        for (long minutes = 3 * 24 * 60; minutes > 0; minutes -= 17 + minutes % 23) {
            if (minutes < 20 * 60 || minutes > 26 * 60) {
                readings.add(new Reading(site, "dense", "temperature", Math.sin(minutes) * 10 + minutes % 7,
                        now.minus(Duration.ofMinutes(minutes))));
            }
        }
        readings.add(new Reading(site, "dense", "temperature", 42, now.minusMillis(1)));
        readings.add(new Reading(site, "sparse", "temperature", 3, now.minusMillis(1)));
        store.write(readings);
        List<Instant[]> windows = List.of(
                new Instant[] {now.minus(Duration.ofHours(50)).plus(Duration.ofMinutes(7)), now},
                new Instant[] {now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2)), now.truncatedTo(ChronoUnit.DAYS)},
                new Instant[] {now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(1))});

        int compared = 0;
        for (String sensor : List.of("dense", "sparse", "none")) {
            for (Aggregate aggregate : Aggregate.values()) {
                for (String zone : ZONES) {
                    for (String interval : INTERVALS) {
                        for (Instant[] window : windows) {
                            HistoryQuery query = query(site, sensor, window[0], window[1], interval, aggregate.wireName(), zone);
                            List<HistoryPoint> expected = expected(query);
                            String what = sensor + " " + aggregate + " " + zone + " " + interval + " " + window[0];
                            assertThat(reader.read(query).points()).as("cold: " + what).isEqualTo(expected);
                            assertThat(reader.read(query).points()).as("warm: " + what).isEqualTo(expected);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(3 * 6 * 4 * 3 * 3);
    }

    @Test
    void aMultiSensorReadGivesEachSensorTheStoresAnswerColdAndWarm() {
        String site = "multi-" + UUID.randomUUID();
        Instant now = clock.instant();
        List<Reading> readings = new ArrayList<>();
        for (long minutes = 2 * 24 * 60; minutes > 0; minutes -= 13 + minutes % 19) {
            readings.add(new Reading(site, "dense", "temperature", Math.cos(minutes) * 5 + minutes % 11,
                    now.minus(Duration.ofMinutes(minutes))));
            if (minutes % 5 == 0) {
                readings.add(new Reading(site, "other", "temperature", minutes % 17, now.minus(Duration.ofMinutes(minutes))));
            }
        }
        readings.add(new Reading(site, "dense", "temperature", 42, now.minusMillis(1)));
        readings.add(new Reading(site, "sparse", "temperature", 3, now.minusMillis(1)));
        store.write(readings);
        List<String> sensors = List.of("dense", "none", "sparse", "other");
        List<Instant[]> windows = List.of(
                new Instant[] {now.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(7)), now}, // open: the dashboard's
                new Instant[] {now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)), now.truncatedTo(ChronoUnit.DAYS)},
                new Instant[] {now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(1))});

        int compared = 0;
        for (Aggregate aggregate : Aggregate.values()) {
            for (String zone : ZONES) {
                for (String interval : INTERVALS) {
                    for (Instant[] window : windows) {
                        HistoryQuery query = query(site, null, window[0], window[1], interval, aggregate.wireName(), zone);
                        List<List<HistoryPoint>> expected = sensors.stream().map(s -> expected(query.forSensor(s))).toList();
                        String what = aggregate + " " + zone + " " + interval + " " + window[0];
                        assertThat(points(reader.read(query, sensors))).as("cold: " + what).isEqualTo(expected);
                        assertThat(points(reader.read(query, sensors))).as("warm: " + what).isEqualTo(expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(6 * 4 * 3 * 3);
        HistoryQuery day = query(site, null, now.minus(Duration.ofHours(24)), now, "1h", "mean", "UTC");
        SiteHistories answer = reader.read(day, sensors);
        assertThat(answer.histories()).extracting(History::sensorId).containsExactlyElementsOf(sensors);
        assertThat(answer.histories().get(1).points()).as("a sensor without readings has no points").isEmpty();
        assertThat(answer.histories()).allSatisfy(history -> assertThat(history).isEqualTo(reader.read(day.forSensor(history.sensorId()))));
        assertThat(answer.resolution()).isEqualTo("raw");
        assertThat(reader.read(day, List.of()).histories()).isEmpty();
    }

    @Test
    void aMultiSensorReadServesEverySensorsClosedBucketsFromTheCacheUntilTheGenerationMoves() {
        String site = "multi-late-" + UUID.randomUUID();
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant from = hour.minus(Duration.ofHours(4)).plus(Duration.ofMinutes(20));
        for (String sensor : List.of("a", "b")) {
            write(site, sensor, hour.minus(Duration.ofHours(3)).plus(Duration.ofMinutes(10)), 1);
            writeNow(site, sensor, 7);
        }
        // Sensor a's buckets are cached by a per-sensor read first: the multi read mixes its hits with b's misses.
        read(site, "a", from, "1h", "mean", "UTC");
        assertThat(values(readBoth(site, from).histories().get(1).points())).containsExactly(null, 1.0, null, null, 7.0);

        // Late readings straight into the store: the generation stays, so the cached buckets still show.
        write(site, "a", hour.minus(Duration.ofHours(3)).plus(Duration.ofMinutes(20)), 3);
        write(site, "b", hour.minus(Duration.ofHours(2)).plus(Duration.ofMinutes(20)), 5);
        writeNow(site, "b", 9);
        SiteHistories cached = readBoth(site, from);
        assertThat(values(cached.histories().get(0).points())).as("a: closed buckets cached").containsExactly(null, 1.0, null, null, 7.0);
        assertThat(values(cached.histories().get(1).points())).as("b: closed buckets cached, the open hour fresh")
                .containsExactly(null, 1.0, null, null, 8.0);

        redis.opsForValue().increment(RedisKeys.historyGeneration(site));

        SiteHistories next = readBoth(site, from);
        assertThat(values(next.histories().get(0).points())).containsExactly(null, 2.0, null, null, 7.0);
        assertThat(values(next.histories().get(1).points())).containsExactly(null, 1.0, 5.0, null, 8.0);
    }

    /** The store's own answer for the whole window, formatted as the reader formats it. */
    private List<HistoryPoint> expected(HistoryQuery query) {
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(query.zone());
        return store.history(query).stream()
                .map(bucket -> new HistoryPoint(format.format(bucket.start()), bucket.value())).toList();
    }

    private List<HistoryPoint> read(String site, String sensor, Instant from, String interval, String aggregate, String tz) {
        HistoryQuery query = HistoryQuery.parse(site, sensor,
                new HistoryQuery.Parameters(from.toString(), null, interval, aggregate, tz), ZoneId.of("UTC"), clock);
        return reader.read(query).points();
    }

    /** Sensors a and b from {@code from} to now (the window taken when asked, as a request takes it). */
    private SiteHistories readBoth(String site, Instant from) {
        HistoryQuery window = HistoryQuery.parse(site, null,
                new HistoryQuery.Parameters(from.toString(), null, "1h", "mean", "UTC"), ZoneId.of("UTC"), clock);
        return reader.read(window, List.of("a", "b"));
    }

    private HistoryQuery query(String site, String sensor, Instant from, Instant to, String interval, String aggregate,
            String tz) {
        return HistoryQuery.parse(site, sensor,
                new HistoryQuery.Parameters(from.toString(), to.toString(), interval, aggregate, tz), ZoneId.of("UTC"), clock);
    }

    /** A reading of this millisecond, then a pause: a window ending "now" is exclusive of its end. */
    private void writeNow(String site, String sensor, double value) {
        write(site, sensor, clock.instant(), value);
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(String site, String sensor, Instant at, double value) {
        store.write(List.of(new Reading(site, sensor, "temperature", value, at)));
    }

    private static List<List<HistoryPoint>> points(SiteHistories answer) {
        return answer.histories().stream().map(History::points).toList();
    }

    private static List<Double> values(List<HistoryPoint> points) {
        return points.stream().map(HistoryPoint::value).toList();
    }
}
