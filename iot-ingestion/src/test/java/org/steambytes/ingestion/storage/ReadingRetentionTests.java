package org.steambytes.ingestion.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;
import java.time.ZoneId;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.BucketInterval;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.reading.HistoryBucket;
import org.steambytes.common.reading.PostgresReadingStore;
import org.steambytes.common.reading.Resolution;
import org.steambytes.common.reading.Retention;
import org.steambytes.common.reading.Reading;
import org.steambytes.testsupport.RealStores;

/** The readings table's retention (docs/ARCHITECTURE.md §2 "Readings in PostgreSQL") on the real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingRetentionTests {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private PostgresReadingStore store;

    @BeforeAll
    void migrate() {
        RealStores.migrateRunDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(RealStores.jdbcUrl(RealStores.runDatabase()));
        dataSource.setUser(RealStores.postgresUser());
        dataSource.setPassword(RealStores.postgresPassword());
        store = new PostgresReadingStore(dataSource, Duration.ofSeconds(5));
    }

    @Test
    void deletesReadingsOlderThanTheRetentionAndKeepsTheRest() {
        String site = "retention-" + System.nanoTime();
        Instant expired = NOW.minus(Duration.ofDays(30)).minusMillis(1);
        Instant oldestKept = NOW.minus(Duration.ofDays(30));
        store.write(List.of(
                new Reading(site, "b1-steam-pressure", "pressure", 10.0, expired.minus(1, ChronoUnit.DAYS)),
                new Reading(site, "b1-steam-pressure", "pressure", 11.0, expired),
                new Reading(site, "b1-steam-pressure", "pressure", 12.0, oldestKept),
                new Reading(site, "b1-steam-pressure", "pressure", 13.0, NOW.minusSeconds(60))));
        ReadingRetention retention = new ReadingRetention(store, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(2);

        assertThat(store.findReadings(site, "b1-steam-pressure", NOW.minus(Duration.ofDays(40)), NOW))
                .extracting(Reading::value).containsExactly(12.0, 13.0);
        assertThat(retention.deleteExpired()).as("nothing left to delete").isZero();
    }

    @Test
    void deletesRollupsOlderThanTheirOwnRetentionAndKeepsHourlyOnesForever() {
        String site = "retention-rollups-" + System.nanoTime();
        // Long before the other tests' readings: a year later deletes nothing of theirs.
        Instant dayAgo = Instant.parse("2020-01-01T00:00:00Z");
        store.write(List.of(new Reading(site, "b1-steam-pressure", "pressure", 10.0, dayAgo),
                new Reading(site, "b1-steam-pressure", "pressure", 12.0, dayAgo.plusSeconds(3600))));
        store.rollUp(Resolution.MINUTE, dayAgo, dayAgo.plusSeconds(7200));
        store.rollUp(Resolution.HOUR, dayAgo, dayAgo.plusSeconds(7200));
        HistoryQuery count = new HistoryQuery(site, "b1-steam-pressure", dayAgo, dayAgo.plusSeconds(7200),
                BucketInterval.parse("1h").orElseThrow(), Aggregate.COUNT, ZoneId.of("UTC"));
        // A year and a day later: the readings and 1-minute rollups are gone, the hourly ones stay.
        ReadingRetention retention = new ReadingRetention(store,
                new Retention(Duration.ofDays(30), Duration.ofDays(365), null),
                Clock.fixed(dayAgo.plus(Duration.ofDays(366)).plusSeconds(3600), ZoneOffset.UTC));

        retention.deleteExpired();

        assertThat(store.history(count, Resolution.RAW)).isEmpty();
        assertThat(store.history(count, Resolution.MINUTE)).isEmpty();
        assertThat(store.history(count, Resolution.HOUR)).extracting(HistoryBucket::value).containsExactly(1.0, 1.0);
    }
}
