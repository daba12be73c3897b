package org.steambytes.ingestion.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.BucketInterval;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.reading.HistoryBucket;
import org.steambytes.common.reading.PostgresReadingStore;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.reading.ReadingStoreUnavailableException;
import org.steambytes.common.reading.Resolution;
import org.steambytes.common.reading.Retention;
import org.steambytes.testsupport.MovableClock;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.RefusingPort;

/**
 * The rollup job (docs/ARCHITECTURE.md §2 "Rollups and retention") driven by a moved clock, over the
 * PostgreSQL store on the real server (both stores' roll-ups are common's contract tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingRollupsTests {

    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");
    private static final Retention RETENTION = new Retention(Duration.ofDays(30), Duration.ofDays(365), null);
    private PostgresReadingStore store;

    @BeforeAll
    void migrate() {
        RealStores.migrateRunDatabase();
        store = new PostgresReadingStore(dataSource(RealStores.postgresPort()), Duration.ofSeconds(5));
    }

    @Test
    void rollsUpTheClosedMinutesAndHoursOnly() {
        String site = "rollups-" + System.nanoTime();
        store.write(List.of(reading(site, TEN.plusSeconds(5), 1), reading(site, TEN.plusSeconds(50), 3),
                reading(site, TEN.plusSeconds(70), 10), reading(site, TEN.plusSeconds(3605), 7)));
        MovableClock clock = new MovableClock(TEN.plusSeconds(65));
        ReadingRollups job = job(clock, new EarliestShipped());

        job.rollUp();
        assertThat(counts(site, Resolution.MINUTE, 120)).as("10:01 is still open").containsExactly(2.0, 0.0);
        assertThat(counts(site, Resolution.HOUR, 3600)).as("10:00-11:00 is still open").isEmpty();

        clock.set(TEN.plusSeconds(125));
        job.rollUp();
        assertThat(counts(site, Resolution.MINUTE, 120)).containsExactly(2.0, 1.0);
        assertThat(counts(site, Resolution.HOUR, 3600)).isEmpty();

        clock.set(TEN.plusSeconds(3660));
        job.rollUp();
        assertThat(counts(site, Resolution.HOUR, 3600)).containsExactly(3.0);
        assertThat(store.history(query(site, 3600, Aggregate.MEAN), Resolution.HOUR)).extracting(HistoryBucket::value)
                .containsExactly(14.0 / 3);
    }

    @Test
    void reachesBackToOldReadingsThisReplicaWroteSinceTheLastRun() {
        String site = "rollups-late-" + System.nanoTime();
        MovableClock clock = new MovableClock(TEN.plus(Duration.ofDays(2)));
        EarliestShipped shipped = new EarliestShipped();
        ReadingRollups job = job(clock, shipped);
        job.rollUp();
        List<Reading> catchUp = List.of(reading(site, TEN.plusSeconds(10), 4), reading(site, TEN.plusSeconds(20), 6));
        store.write(catchUp); // two days late: far beyond the look-back
        shipped.note(catchUp);

        job.rollUp();

        assertThat(counts(site, Resolution.MINUTE, 60)).containsExactly(2.0);
        assertThat(counts(site, Resolution.HOUR, 3600)).containsExactly(2.0);
        assertThat(shipped.take()).as("taken by the run").isEmpty();
    }

    @Test
    void aFailedRunLeavesItsWindowToTheNext() {
        EarliestShipped shipped = new EarliestShipped();
        try (RefusingPort nothingThere = RefusingPort.reserve()) {
            PostgresReadingStore unreachable = new PostgresReadingStore(dataSource(nothingThere.port()),
                    Duration.ofSeconds(5));
            ReadingRollups job = new ReadingRollups(unreachable, shipped, RETENTION, Duration.ofMinutes(1),
                    Duration.ofMinutes(10), Clock.fixed(TEN, ZoneOffset.UTC));
            assertThatThrownBy(job::rollUp).isInstanceOf(ReadingStoreUnavailableException.class);
        }
        assertThat(shipped.take()).contains(TEN.minus(Duration.ofMinutes(10)));
    }

    private ReadingRollups job(Clock clock, EarliestShipped shipped) {
        return new ReadingRollups(store, shipped, RETENTION, Duration.ofMinutes(1), Duration.ofMinutes(10), clock);
    }

    /** Counts per rollup bucket in the first {@code seconds} from 10:00. */
    private List<Double> counts(String site, Resolution resolution, int seconds) {
        return store.history(query(site, seconds, Aggregate.COUNT), resolution).stream().map(HistoryBucket::value)
                .toList();
    }

    private static HistoryQuery query(String site, int seconds, Aggregate aggregate) {
        String interval = seconds >= 3600 ? "1h" : "1m";
        return new HistoryQuery(site, "b1-steam-pressure", TEN, TEN.plusSeconds(seconds),
                BucketInterval.parse(interval).orElseThrow(), aggregate, ZoneId.of("UTC"));
    }

    private static Reading reading(String site, Instant at, double value) {
        return new Reading(site, "b1-steam-pressure", "steam_pressure", value, at);
    }

    private static PGSimpleDataSource dataSource(int port) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(RealStores.jdbcUrl(RealStores.postgresHost(), port, RealStores.runDatabase()));
        dataSource.setUser(RealStores.postgresUser());
        dataSource.setPassword(RealStores.postgresPassword());
        dataSource.setConnectTimeout(5);
        return dataSource;
    }
}
