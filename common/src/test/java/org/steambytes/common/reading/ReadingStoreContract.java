package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.BucketInterval;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.testsupport.MovableClock;
import org.steambytes.testsupport.RefusingPort;

/**
 * What every {@link ReadingStore} does, operation by operation: each store's test class extends this
 * and runs it against its real server (docs/ARCHITECTURE.md §2). Every test writes under a site of
 * its own, so the stores' databases are shared by the whole run without tests seeing each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadingStoreContract {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123Z");

    /** The store under test, connected to its real server. */
    protected abstract ReadingStore store();

    /** A store of the same kind pointed at a loopback port where nothing listens. */
    protected abstract ReadingStore storeAt(int refusingPort);

    /**
     * A store of the same kind on the same server with this retention and clock, its rollups readable
     * by the other stores this returns (InfluxDB: a database of its own, its policies set to the
     * retention; PostgreSQL: the same tables). The clock moves; the server's does not, so readings
     * are written near the real now and the clock is moved ahead to make them old.
     */
    protected abstract ReadingStore storeWith(Retention retention, Clock clock);

    static final Retention RETENTION = new Retention(Duration.ofDays(30), Duration.ofDays(365), null);

    @Test
    void roundTripsReadingsWithSpacesCommasAndEqualsSignsInTags() {
        String site = "plant a,b=c " + UUID.randomUUID();
        List<Reading> written = List.of(
                new Reading(site, "b1 steam,pressure=main", "steam_pressure", 10.4, T0),
                new Reading(site, "b1 steam,pressure=main", "steam_pressure", 10.5, T0.plusMillis(1)),
                new Reading(site, "b1 steam,pressure=main", "steam_pressure", 1.0e12, T0.plusMillis(999)));

        store().write(written);

        assertThat(store().findReadings(site, "b1 steam,pressure=main", T0, T0.plusSeconds(1)))
                .containsExactlyElementsOf(written);
    }

    @Test
    void readsASitesWindowAsOneSeriesPerSensorInOneQuery() {
        String site = "plant-" + UUID.randomUUID();
        store().write(List.of(
                new Reading(site, "b1-steam-pressure", "steam_pressure", 10.1, T0),
                new Reading(site, "b1-steam-pressure", "steam_pressure", 10.3, T0.plusSeconds(10)),
                new Reading(site, "b1-steam-pressure", "steam_pressure", 10.2, T0.plusSeconds(5)),
                new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature", 182.5, T0.plusSeconds(1)),
                new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature", 190.0, T0.plusSeconds(60)),
                new Reading(site, "a0-before-the-window", "steam_pressure", 1, T0.minusSeconds(1)),
                new Reading("other-" + site, "b1-steam-pressure", "steam_pressure", 99, T0.plusSeconds(2))));

        List<SensorSeries> window = store().siteWindow(site, T0, T0.plusSeconds(60));

        assertThat(window).as("a sensor without readings in the window has no series").hasSize(2);
        SensorSeries pressure = window.stream().filter(s -> s.sensorId().equals("b1-steam-pressure")).findFirst()
                .orElseThrow();
        assertThat(pressure.sensorType()).isEqualTo("steam_pressure");
        assertThat(pressure.timesMs()).containsExactly(T0.toEpochMilli(), T0.plusSeconds(5).toEpochMilli(),
                T0.plusSeconds(10).toEpochMilli());
        assertThat(pressure.values()).containsExactly(10.1, 10.2, 10.3);
        SensorSeries flue = window.stream().filter(s -> s.sensorId().equals("b1-flue-gas-temp")).findFirst()
                .orElseThrow();
        assertThat(flue.sensorType()).isEqualTo("flue_gas_temperature");
        assertThat(flue.values()).as("the window's end is exclusive").containsExactly(182.5);
        assertThat(store().siteWindow("nobody-" + site, T0, T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void keepsMillisecondsApartAndReadsOnlyTheAskedWindow() {
        String site = "plant-" + UUID.randomUUID();
        store().write(List.of(
                new Reading(site, "level", "drum_water_level", 1, T0.minusMillis(1)),
                new Reading(site, "level", "drum_water_level", 2, T0),
                new Reading(site, "level", "drum_water_level", 3, T0.plusMillis(1)),
                new Reading(site, "level", "drum_water_level", 4, T0.plusMillis(2))));

        assertThat(store().findReadings(site, "level", T0, T0.plusMillis(2)))
                .extracting(Reading::value).containsExactly(2.0, 3.0);
        assertThat(store().findReadings(site, "other-level", T0, T0.plusMillis(2))).isEmpty();
    }

    @Test
    void rewritingTheSamePointReplacesItInsteadOfDuplicating() {
        String site = "plant-" + UUID.randomUUID();
        Reading first = new Reading(site, "b1-o2", "flue_gas_o2", 3.1, T0);
        store().write(List.of(first));
        store().write(List.of(first));
        store().write(List.of(new Reading(site, "b1-o2", "flue_gas_o2", 3.3, T0)));

        assertThat(store().findReadings(site, "b1-o2", T0.minusSeconds(1), T0.plusSeconds(1)))
                .containsExactly(new Reading(site, "b1-o2", "flue_gas_o2", 3.3, T0));
    }

    @Test
    void theLastOfTwoReadingsOfOnePointInOneWriteWins() {
        String site = "plant-" + UUID.randomUUID();
        store().write(List.of(
                new Reading(site, "b1-o2", "flue_gas_o2", 3.1, T0),
                new Reading(site, "b1-o2", "flue_gas_o2", 3.2, T0.plusMillis(1)),
                new Reading(site, "b1-o2", "flue_gas_o2", 3.4, T0)));

        assertThat(store().findReadings(site, "b1-o2", T0, T0.plusSeconds(1))).extracting(Reading::value)
                .containsExactly(3.4, 3.2);
    }

    @Test
    void writesALargeBatchAndAnEmptyOne() {
        String site = "plant-" + UUID.randomUUID();
        List<Reading> batch = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            batch.add(new Reading(site, "b1-steam-pressure", "steam_pressure", i * 0.25, T0.plusMillis(i * 10L)));
        }
        store().write(batch);
        store().write(List.of());

        List<Reading> stored = store().findReadings(site, "b1-steam-pressure", T0, T0.plusSeconds(60));
        assertThat(stored).hasSize(5_000);
        assertThat(stored.get(4_999)).isEqualTo(batch.get(4_999));
    }

    /** InfluxDB answers "partial write" (HTTP 400) and keeps the rest of the batch: so must every store. */
    @Test
    void refusesReadingsOutsideTheStoresTimeRangeForGoodAndKeepsTheRest() {
        String site = "plant-" + UUID.randomUUID();
        Reading fine = new Reading(site, "b1-o2", "flue_gas_o2", 3.1, T0);
        Reading tooLate = new Reading(site, "b1-o2", "flue_gas_o2", 3.2, Instant.parse("2300-01-01T00:00:00Z"));

        assertThatThrownBy(() -> store().write(List.of(fine, tooLate)))
                .isInstanceOf(ReadingsRefusedException.class);

        assertThat(store().findReadings(site, "b1-o2", T0, T0.plusSeconds(1))).containsExactly(fine);
    }

    @Test
    void aggregatesHistoryPerIntervalWithEmptyBucketsAndTheWindowsBounds() {
        String site = "plant-" + UUID.randomUUID();
        Instant ten = Instant.parse("2026-11-27T10:00:00Z");
        store().write(List.of(
                reading(site, ten.plusSeconds(4 * 60), 100),      // in the first bucket, but before from
                reading(site, ten.plusSeconds(5 * 60), 1.0),
                reading(site, ten.plusSeconds(20 * 60), 2.0),
                reading(site, ten.plusSeconds(40 * 60), 4.5),
                reading(site, ten.plusSeconds(130 * 60), 8.0),
                reading(site, ten.plusSeconds(170 * 60), -2.0),
                reading(site, ten.plusSeconds(180 * 60), 50),     // at to: outside
                new Reading(site, "other", "steam_pressure", 7, ten.plusSeconds(90 * 60))));
        Instant from = ten.plusSeconds(5 * 60);
        Instant to = ten.plusSeconds(180 * 60);

        List<Instant> starts = List.of(ten, ten.plusSeconds(3600), ten.plusSeconds(7200));
        assertHistory(query(site, from, to, "1h", Aggregate.MEAN, "UTC"), starts, 2.5, null, 3.0);
        assertHistory(query(site, from, to, "1h", Aggregate.MIN, "UTC"), starts, 1.0, null, -2.0);
        assertHistory(query(site, from, to, "1h", Aggregate.MAX, "UTC"), starts, 4.5, null, 8.0);
        assertHistory(query(site, from, to, "1h", Aggregate.SUM, "UTC"), starts, 7.5, null, 6.0);
        assertHistory(query(site, from, to, "1h", Aggregate.COUNT, "UTC"), starts, 3.0, 0.0, 2.0);
        assertHistory(query(site, from, to, "1h", Aggregate.LAST, "UTC"), starts, 4.5, null, -2.0);
        // 90-minute buckets are multiples of 90 minutes from the epoch: 09:00, 10:30, 12:00.
        assertHistory(query(site, from, to, "90m", Aggregate.COUNT, "UTC"),
                List.of(ten.minusSeconds(3600), ten.plusSeconds(1800), ten.plusSeconds(7200)), 2.0, 1.0, 2.0);
    }

    @Test
    void answersSeveralHistoryQueriesInOrderEachAsItsOwn() {
        String site = "plant-" + UUID.randomUUID();
        String otherSite = "plant-" + UUID.randomUUID();
        Instant ten = Instant.parse("2026-11-27T10:00:00Z");
        store().write(List.of(
                reading(site, ten.plusSeconds(5 * 60), 1.0),
                reading(site, ten.plusSeconds(20 * 60), 2.0),
                reading(site, ten.plusSeconds(130 * 60), 8.0),
                new Reading(site, "other", "steam_pressure", 7, ten.plusSeconds(90 * 60)),
                reading(otherSite, ten.plusSeconds(10 * 60), 40.0)));
        HistoryQuery mean = query(site, ten, ten.plusSeconds(180 * 60), "1h", Aggregate.MEAN, "UTC");
        HistoryQuery count = query(site, ten.plusSeconds(10 * 60), ten.plusSeconds(180 * 60), "1h", Aggregate.COUNT,
                "Asia/Kolkata");
        HistoryQuery other = new HistoryQuery(site, "other", ten, ten.plusSeconds(120 * 60),
                BucketInterval.parse("30m").orElseThrow(), Aggregate.MAX, ZoneId.of("UTC"));
        HistoryQuery empty = query(site, ten.minusSeconds(7200), ten, "1h", Aggregate.MEAN, "UTC");
        HistoryQuery elsewhere = query(otherSite, ten, ten.plusSeconds(3600), "1d", Aggregate.SUM, "Europe/Berlin");

        List<List<HistoryBucket>> answers = store().histories(List.of(mean, count, other, empty, elsewhere));

        assertThat(answers).hasSize(5);
        assertThat(answers.get(0)).containsExactly(new HistoryBucket(ten, 1.5),
                new HistoryBucket(ten.plusSeconds(3600), null), new HistoryBucket(ten.plusSeconds(7200), 8.0));
        // Kolkata is UTC+5:30: hours start at :30 UTC; from 10:10 the first bucket (09:30) holds only 10:20.
        assertThat(answers.get(1)).containsExactly(new HistoryBucket(ten.minusSeconds(1800), 1.0),
                new HistoryBucket(ten.plusSeconds(1800), 0.0), new HistoryBucket(ten.plusSeconds(5400), 1.0),
                new HistoryBucket(ten.plusSeconds(9000), 0.0));
        assertThat(answers.get(2)).containsExactly(new HistoryBucket(ten, null), new HistoryBucket(ten.plusSeconds(1800), null),
                new HistoryBucket(ten.plusSeconds(3600), null), new HistoryBucket(ten.plusSeconds(5400), 7.0));
        assertThat(answers.get(3)).isEmpty();
        assertThat(answers.get(4)).containsExactly(new HistoryBucket(Instant.parse("2026-11-26T23:00:00Z"), 40.0));
        for (int i = 0; i < 5; i++) {
            assertThat(answers.get(i)).as("query %d as history answers it", i)
                    .isEqualTo(store().history(List.of(mean, count, other, empty, elsewhere).get(i)));
        }
        assertThat(store().histories(List.of())).isEmpty();
    }

    @Test
    void answersSeveralSensorsOverOneWindowEachAsItsOwnHistory() {
        String site = "plant-" + UUID.randomUUID();
        String quoted = "b1 o'2,trim=\"a\" OR 'x'='x"; // quotes, a comma and InfluxQL in a tag value
        Instant ten = Instant.parse("2026-11-27T10:00:00Z");
        store().write(List.of(
                reading(site, ten.plusSeconds(5 * 60), 1.0),
                reading(site, ten.plusSeconds(20 * 60), 2.0),
                reading(site, ten.plusSeconds(130 * 60), 8.0),
                new Reading(site, quoted, "o2", 3.5, ten.plusSeconds(70 * 60)),
                new Reading(site, "b2-flow", "steam_flow", 7, ten.plusSeconds(150 * 60)),
                new Reading(site, "b2-flow", "steam_flow", 9, ten.minusSeconds(60)),      // before from
                new Reading(site, "unasked", "steam_flow", 99, ten.plusSeconds(10 * 60))));
        HistoryQuery mean = query(site, ten, ten.plusSeconds(180 * 60), "1h", Aggregate.MEAN, "UTC");
        HistoryQuery count = query(site, ten.plusSeconds(10 * 60), ten.plusSeconds(180 * 60), "1h", Aggregate.COUNT,
                "Asia/Kolkata");
        List<HistoryQuery> queries = new ArrayList<>();
        for (HistoryQuery shared : List.of(mean, count)) {
            for (String sensor : List.of("b1-steam-pressure", quoted, "no-readings", "b2-flow")) {
                queries.add(shared.forSensor(sensor));
            }
        }
        queries.add(mean.forSensor(quoted)); // asked twice
        queries.add(new HistoryQuery(site, "b2-flow", ten, ten.plusSeconds(180 * 60),
                BucketInterval.parse("30m").orElseThrow(), Aggregate.MAX, ZoneId.of("UTC"))); // another interval

        List<List<HistoryBucket>> answers = store().histories(queries);

        assertThat(answers).hasSize(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            assertThat(answers.get(i)).as("%s of %s as history answers it", queries.get(i).aggregate(),
                    queries.get(i).sensorId()).isEqualTo(store().history(queries.get(i)));
        }
        // Each sensor filled over the whole window, whatever the others have; none of 'unasked'.
        assertThat(answers.get(0)).containsExactly(new HistoryBucket(ten, 1.5),
                new HistoryBucket(ten.plusSeconds(3600), null), new HistoryBucket(ten.plusSeconds(7200), 8.0));
        assertThat(answers.get(1)).containsExactly(new HistoryBucket(ten, null),
                new HistoryBucket(ten.plusSeconds(3600), 3.5), new HistoryBucket(ten.plusSeconds(7200), null));
        assertThat(answers.get(2)).isEmpty();
        assertThat(answers.get(3)).containsExactly(new HistoryBucket(ten, null),
                new HistoryBucket(ten.plusSeconds(3600), null), new HistoryBucket(ten.plusSeconds(7200), 7.0));
        assertThat(answers.get(5)).containsExactly(new HistoryBucket(ten.minusSeconds(1800), 0.0),
                new HistoryBucket(ten.plusSeconds(1800), 1.0), new HistoryBucket(ten.plusSeconds(5400), 0.0),
                new HistoryBucket(ten.plusSeconds(9000), 0.0));
        assertThat(answers.get(6)).as("count of a sensor without readings").isEmpty();
        assertThat(answers.get(8)).isEqualTo(answers.get(1));
        assertThat(answers.get(9)).hasSize(6).last().isEqualTo(new HistoryBucket(ten.plusSeconds(9000), 7.0));
    }

    @Test
    void aWindowWithoutReadingsOfTheSensorHasNoBuckets() {
        String site = "plant-" + UUID.randomUUID();
        store().write(List.of(new Reading(site, "other", "steam_pressure", 7, T0)));

        assertThat(store().history(query(site, T0.minusSeconds(3600), T0.plusSeconds(3600), "1m", Aggregate.MEAN,
                "UTC"))).isEmpty();
        assertThat(store().history(query(site, T0.minusSeconds(3600), T0.plusSeconds(3600), "1m", Aggregate.COUNT,
                "UTC"))).isEmpty();
    }

    @Test
    void aDayStartsAtLocalMidnightAndHas23HoursWhenClocksGoForward() {
        String site = "plant-" + UUID.randomUUID();
        Instant from = Instant.parse("2026-03-27T23:00:00Z"); // 2026-03-28 00:00 in Berlin (CET)
        Instant to = Instant.parse("2026-03-30T22:00:00Z");   // 2026-03-31 00:00 in Berlin (CEST)
        store().write(hourly(site, from, to));

        assertHistory(query(site, from, to, "1d", Aggregate.COUNT, "Europe/Berlin"),
                List.of(from, Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")),
                24.0, 23.0, 24.0);
        // From the middle of the short day: its bucket still starts at that day's local midnight.
        assertHistory(query(site, Instant.parse("2026-03-29T12:00:00Z"), to, "1d", Aggregate.COUNT, "Europe/Berlin"),
                List.of(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")), 10.0, 24.0);
    }

    @Test
    void aDayHas25HoursWhenClocksGoBackAndItsHoursAreTwentyFiveBuckets() {
        String site = "plant-" + UUID.randomUUID();
        Instant from = Instant.parse("2026-10-23T22:00:00Z"); // 2026-10-24 00:00 in Berlin (CEST)
        Instant to = Instant.parse("2026-10-26T23:00:00Z");   // 2026-10-27 00:00 in Berlin (CET)
        store().write(hourly(site, from, to));

        assertHistory(query(site, from, to, "1d", Aggregate.COUNT, "Europe/Berlin"),
                List.of(from, Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z")),
                24.0, 25.0, 24.0);
        List<HistoryBucket> hours = store().history(query(site, Instant.parse("2026-10-24T22:00:00Z"),
                Instant.parse("2026-10-25T23:00:00Z"), "1h", Aggregate.COUNT, "Europe/Berlin"));
        assertThat(hours).hasSize(25).extracting(HistoryBucket::value).containsOnly(1.0);
        assertThat(hours.get(3).start()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
    }

    @Test
    void bucketsFollowAZonesHalfHourOffset() {
        String site = "plant-" + UUID.randomUUID();
        Instant ten = Instant.parse("2026-11-27T10:00:00Z");
        store().write(List.of(
                reading(site, ten.plusSeconds(29 * 60), 1),
                reading(site, ten.plusSeconds(30 * 60), 2),
                reading(site, ten.plusSeconds(89 * 60), 3),
                reading(site, ten.plusSeconds(91 * 60), 4)));

        // Kolkata is UTC+05:30: its hours start at half past in UTC.
        assertHistory(query(site, ten, ten.plusSeconds(7200), "1h", Aggregate.SUM, "Asia/Kolkata"),
                List.of(ten.minusSeconds(1800), ten.plusSeconds(1800), ten.plusSeconds(5400)), 1.0, 5.0, 4.0);
    }

    @Test
    void weeksAreMultiplesOfSevenDaysFromTheEpochAsInInfluxDb() {
        String site = "plant-" + UUID.randomUUID();
        store().write(List.of(
                reading(site, Instant.parse("2026-11-03T12:00:00Z"), 1),
                reading(site, Instant.parse("2026-11-06T12:00:00Z"), 2),
                reading(site, Instant.parse("2026-11-13T12:00:00Z"), 3)));

        // 1970-01-01 was a Thursday, and so are the buckets' starts.
        assertHistory(query(site, Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-16T00:00:00Z"), "1w",
                        Aggregate.MAX, "UTC"),
                List.of(Instant.parse("2026-10-29T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"),
                        Instant.parse("2026-11-12T00:00:00Z")), 1.0, 2.0, 3.0);
    }

    @Test
    void reportsAnUnreachableServerAsUnavailable() {
        try (RefusingPort nothingThere = RefusingPort.reserve()) {
            ReadingStore unreachable = storeAt(nothingThere.port());
            try {
                assertThat(unreachable.isAvailable()).isFalse();
                assertUnavailable(s -> s.write(List.of(new Reading("s", "p", "t", 1, T0))), unreachable);
                assertUnavailable(s -> s.findReadings("s", "p", T0, T0.plusSeconds(1)), unreachable);
                assertUnavailable(s -> s.siteWindow("s", T0, T0.plusSeconds(1)), unreachable);
                assertUnavailable(s -> s.history(query("s", T0, T0.plusSeconds(60), "1m", Aggregate.MEAN, "UTC")),
                        unreachable);
                assertUnavailable(s -> s.histories(List.of(query("s", T0, T0.plusSeconds(60), "1m", Aggregate.MEAN,
                        "UTC"))), unreachable);
                assertUnavailable(s -> s.history(query("s", T0, T0.plusSeconds(60), "1m", Aggregate.MEAN, "UTC"),
                        Resolution.HOUR), unreachable);
                assertUnavailable(s -> s.rollUp(Resolution.MINUTE, T0, T0.plusSeconds(120)), unreachable);
                assertUnavailable(s -> s.rollUpSite(Resolution.HOUR, "s", T0, T0.plusSeconds(7200)), unreachable);
            } finally {
                if (unreachable instanceof AutoCloseable closeable) {
                    closeQuietly(closeable);
                }
            }
        }
        assertThat(store().isAvailable()).isTrue();
    }

    @Test
    void rollupsAnswerEveryAggregateAsTheRawReadingsDo() {
        ReadingStore store = storeWith(RETENTION, new MovableClock(Instant.now()));
        String site = "plant-" + UUID.randomUUID();
        Instant from = Resolution.HOUR.floor(Instant.now()).minus(Duration.ofHours(4));
        Instant to = from.plus(Duration.ofHours(3));
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < 3 * 3600 / 7; i++) {
            double value = Math.round(Math.sin(i / 10.0) * 1000) / 100.0 + i % 13; // not monotonic, no ties in last
            readings.add(reading(site, from.plusSeconds(7L * i).plusMillis(i % 5), value));
        }
        readings.add(new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature", 180, from.plusSeconds(30)));
        store.write(readings);

        assertThat(store.rollUp(Resolution.MINUTE, from, to)).as("one rollup per sensor and minute with readings")
                .isGreaterThanOrEqualTo(181);
        assertThat(store.rollUp(Resolution.HOUR, from, to)).isGreaterThanOrEqualTo(4);

        for (Aggregate aggregate : Aggregate.values()) {
            assertSameHistory(store, query(site, from, to, "15m", aggregate, "UTC"), Resolution.MINUTE);
            assertSameHistory(store, query(site, from.plusSeconds(120), to.minusSeconds(600), "1m", aggregate, "UTC"),
                    Resolution.MINUTE);
            assertSameHistory(store, query(site, from, to, "1h", aggregate, "Europe/Berlin"), Resolution.HOUR);
            assertSameHistory(store, query(site, from, to, "30m", aggregate, "Asia/Kolkata"), Resolution.MINUTE);
        }
    }

    @Test
    void rollingAWindowUpAgainTakesLateReadingsInWithoutDuplicates() {
        ReadingStore store = storeWith(RETENTION, new MovableClock(Instant.now()));
        String site = "plant-" + UUID.randomUUID();
        Instant minute = Resolution.HOUR.floor(Instant.now()).minus(Duration.ofHours(2)).plusSeconds(600);
        store.write(List.of(reading(site, minute, 1), reading(site, minute.plusSeconds(20), 5),
                reading(site, minute.plusSeconds(40), 3)));
        store.rollUp(Resolution.MINUTE, minute.minusSeconds(300), minute.plusSeconds(300));
        store.rollUp(Resolution.HOUR, minute, minute.plusSeconds(3600));

        store.write(List.of(reading(site, minute.plusSeconds(59), 9))); // late, after the minute was rolled up
        store.rollUp(Resolution.MINUTE, minute.minusSeconds(300), minute.plusSeconds(300));
        store.rollUp(Resolution.MINUTE, minute, minute.plusSeconds(60));
        store.rollUp(Resolution.HOUR, minute, minute.plusSeconds(3600));
        store.rollUp(Resolution.HOUR, minute, minute.plusSeconds(3600));

        HistoryQuery count = query(site, minute, minute.plusSeconds(60), "1m", Aggregate.COUNT, "UTC");
        assertThat(store.history(count, Resolution.MINUTE)).extracting(HistoryBucket::value).containsExactly(4.0);
        HistoryQuery hour = query(site, Resolution.HOUR.floor(minute), Resolution.HOUR.floor(minute).plusSeconds(3600),
                "1h", Aggregate.COUNT, "UTC");
        assertThat(store.history(hour, Resolution.HOUR)).extracting(HistoryBucket::value).containsExactly(4.0);
        assertThat(store.history(with(hour, Aggregate.MAX), Resolution.HOUR)).extracting(HistoryBucket::value)
                .containsExactly(9.0);
        assertThat(store.history(with(hour, Aggregate.LAST), Resolution.HOUR)).extracting(HistoryBucket::value)
                .containsExactly(9.0);
        assertThat(store.history(with(hour, Aggregate.MEAN), Resolution.HOUR)).extracting(HistoryBucket::value)
                .containsExactly(4.5);
    }

    @Test
    void rollingUpOneSiteLeavesTheOthersAsTheyWere() {
        ReadingStore store = storeWith(RETENTION, new MovableClock(Instant.now()));
        String site = "plant-" + UUID.randomUUID();
        String other = "other-" + site;
        Instant hour = Resolution.HOUR.floor(Instant.now()).minus(Duration.ofHours(2));
        store.write(List.of(reading(site, hour.plusSeconds(301), 2), reading(site, hour.plusSeconds(302), 4),
                reading(other, hour.plusSeconds(301), 8)));

        assertThat(store.rollUpSite(Resolution.MINUTE, site, hour, hour.plusSeconds(3600))).isEqualTo(1);
        assertThat(store.rollUpSite(Resolution.HOUR, site, hour, hour.plusSeconds(3600))).isEqualTo(1);

        HistoryQuery mean = query(site, hour, hour.plusSeconds(3600), "1h", Aggregate.MEAN, "UTC");
        assertThat(store.history(mean, Resolution.MINUTE)).extracting(HistoryBucket::value).containsExactly(3.0);
        assertThat(store.history(mean, Resolution.HOUR)).extracting(HistoryBucket::value).containsExactly(3.0);
        HistoryQuery ofOther = query(other, hour, hour.plusSeconds(3600), "1h", Aggregate.MEAN, "UTC");
        assertThat(store.history(ofOther, Resolution.MINUTE)).isEmpty();
        assertThat(store.history(ofOther, Resolution.HOUR)).isEmpty();
        assertThat(store.history(ofOther, Resolution.RAW)).extracting(HistoryBucket::value).containsExactly(8.0);
    }

    @Test
    void readsTheFinestResolutionWhoseRetentionCoversTheWindowsStart() {
        MovableClock clock = new MovableClock(Instant.now());
        ReadingStore store = storeWith(RETENTION, clock);
        String site = "plant-" + UUID.randomUUID();
        Instant from = Resolution.HOUR.floor(clock.instant()).minus(Duration.ofHours(3));
        Instant to = from.plus(Duration.ofHours(1));
        store.write(List.of(reading(site, from.plusSeconds(60), 1), reading(site, from.plusSeconds(1800), 2),
                reading(site, from.plusSeconds(3599), 6)));
        store.rollUp(Resolution.MINUTE, from, to);
        store.rollUp(Resolution.HOUR, from, to);
        // Written after the roll-up: only the raw readings have it, which tells which resolution answered.
        store.write(List.of(reading(site, from.plusSeconds(1200), 100)));
        HistoryQuery mean = query(site, from, to, "1h", Aggregate.MEAN, "UTC");

        assertThat(store.resolvedHistory(mean)).isEqualTo(new ResolvedHistory(Resolution.RAW,
                List.of(new HistoryBucket(from, 27.25))));

        clock.set(from.plus(Duration.ofDays(30))); // the raw retention's very end still covers from
        assertThat(store.resolvedHistory(mean).resolution()).isEqualTo(Resolution.RAW);

        clock.set(from.plus(Duration.ofDays(30)).plusMillis(1));
        assertThat(store.resolvedHistory(mean)).isEqualTo(new ResolvedHistory(Resolution.MINUTE,
                List.of(new HistoryBucket(from, 3.0))));

        clock.set(from.plus(Duration.ofDays(365)).plusSeconds(1));
        assertThat(store.resolvedHistory(mean)).isEqualTo(new ResolvedHistory(Resolution.HOUR,
                List.of(new HistoryBucket(from, 3.0))));
        assertThat(store.resolvedHistory(query(site, from.minusSeconds(3600), to, "1h", Aggregate.COUNT, "UTC")))
                .as("a window with nothing before its first rollup starts at the rollup holding from")
                .isEqualTo(new ResolvedHistory(Resolution.HOUR, List.of(new HistoryBucket(from.minusSeconds(3600), 0.0),
                        new HistoryBucket(from, 3.0))));

        clock.set(clock.instant().plus(Duration.ofDays(3650)));
        assertThat(store.resolvedHistory(mean).resolution()).as("hourly rollups are kept forever")
                .isEqualTo(Resolution.HOUR);
    }

    private static void assertSameHistory(ReadingStore store, HistoryQuery query, Resolution resolution) {
        List<HistoryBucket> raw = store.history(query, Resolution.RAW);
        List<HistoryBucket> rolledUp = store.history(query, resolution);
        String what = query.aggregate() + " " + query.interval().text() + " from " + resolution;
        assertThat(raw).as(what).hasSizeGreaterThan(2);
        assertThat(rolledUp).as(what).extracting(HistoryBucket::start)
                .containsExactlyElementsOf(raw.stream().map(HistoryBucket::start).toList());
        for (int i = 0; i < raw.size(); i++) {
            Double expected = raw.get(i).value();
            Double actual = rolledUp.get(i).value();
            if (expected == null) {
                assertThat(actual).as(what + " bucket " + i).isNull();
            } else {
                assertThat(actual).as(what + " bucket " + i).isNotNull()
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(expected))));
            }
        }
    }

    private static HistoryQuery with(HistoryQuery query, Aggregate aggregate) {
        return new HistoryQuery(query.siteId(), query.sensorId(), query.from(), query.to(), query.interval(), aggregate,
                query.zone());
    }

    static Reading reading(String site, Instant at, double value) {
        return new Reading(site, "b1-steam-pressure", "steam_pressure", value, at);
    }

    static HistoryQuery query(String site, Instant from, Instant to, String interval, Aggregate aggregate,
            String zone) {
        return new HistoryQuery(site, "b1-steam-pressure", from, to, BucketInterval.parse(interval).orElseThrow(),
                aggregate, ZoneId.of(zone));
    }

    /** One reading at the start of every UTC hour in [from, to). */
    static List<Reading> hourly(String site, Instant from, Instant to) {
        List<Reading> readings = new ArrayList<>();
        for (Instant at = from; at.isBefore(to); at = at.plusSeconds(3600)) {
            readings.add(reading(site, at, 1));
        }
        return readings;
    }

    private void assertHistory(HistoryQuery query, List<Instant> starts, Double... values) {
        List<HistoryBucket> buckets = store().history(query);
        assertThat(buckets).as("%s %s in %s", query.aggregate(), query.interval().text(), query.timezone())
                .extracting(HistoryBucket::start).containsExactlyElementsOf(starts);
        assertThat(buckets).as("%s %s in %s", query.aggregate(), query.interval().text(), query.timezone())
                .extracting(HistoryBucket::value).containsExactly(values);
    }

    private static void assertUnavailable(Consumer<ReadingStore> call, ReadingStore store) {
        assertThatThrownBy(() -> call.accept(store)).isInstanceOf(ReadingStoreUnavailableException.class);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing was open
        }
    }
}
