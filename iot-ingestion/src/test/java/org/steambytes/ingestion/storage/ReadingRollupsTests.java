package org.steambytes.ingestion.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
import org.steambytes.testsupport.TcpProxy;

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
    void reachesBackToTheOldReadingsThisReplicaWroteOfASiteSinceTheLastRun() {
        String site = "rollups-late-" + System.nanoTime();
        String untouched = "rollups-untouched-" + System.nanoTime();
        MovableClock clock = new MovableClock(TEN.plus(Duration.ofDays(2)));
        EarliestShipped shipped = new EarliestShipped();
        ReadingRollups job = job(clock, shipped);
        job.rollUp();
        List<Reading> catchUp = List.of(reading(site, TEN.plusSeconds(10), 4), reading(site, TEN.plusSeconds(20), 6));
        store.write(catchUp); // two days late: far beyond the look-back
        shipped.note(catchUp);
        store.write(List.of(reading(untouched, TEN.plusSeconds(10), 1))); // written elsewhere: not this replica's

        job.rollUp();

        assertThat(counts(site, Resolution.MINUTE, 60)).containsExactly(2.0);
        assertThat(counts(site, Resolution.HOUR, 3600)).containsExactly(2.0);
        assertThat(counts(untouched, Resolution.MINUTE, 60)).as("only the stale site was reached back for").isEmpty();
        assertThat(shipped.take()).as("taken by the run").isEmpty();
    }

    @Test
    void aFailedRunLeavesItsWindowToTheNext() {
        String site = "rollups-failed-" + System.nanoTime();
        store.write(List.of(reading(site, TEN.plusSeconds(30), 5)));
        MovableClock clock = new MovableClock(TEN.plusSeconds(300));
        try (TcpProxy link = TcpProxy.to(RealStores.postgresHost(), RealStores.postgresPort())) {
            PostgresReadingStore behindLink = new PostgresReadingStore(dataSource(link.port()), Duration.ofSeconds(5));
            ReadingRollups job = new ReadingRollups(behindLink, new EarliestShipped(), RETENTION, Duration.ofMinutes(1),
                    Duration.ofMinutes(10), clock);
            link.stop();
            assertThatThrownBy(job::rollUp).isInstanceOf(ReadingStoreUnavailableException.class);

            link.start();
            clock.set(TEN.plusSeconds(1800)); // 10:00 is no longer within the look-back
            job.rollUp();
        }

        assertThat(counts(site, Resolution.MINUTE, 60)).as("rolled up by the run after the failed one").containsExactly(1.0);
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
