package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.testsupport.RealStores;

/**
 * The PostgreSQL adapter against the real server (scripts/services-up), in this run's own migrated
 * database: the reading-store contract, and what only this store has (retention delete, one
 * statement per write).
 */
class PostgresReadingStoreTests extends ReadingStoreContract {

    private DataSource database;
    private PostgresReadingStore store;

    @BeforeAll
    void connect() {
        database = migratedDatabase();
        store = new PostgresReadingStore(database, Duration.ofSeconds(5));
    }

    /** The run's database with db/migrations applied; a subclass may bring another server. */
    DataSource migratedDatabase() {
        RealStores.migrateRunDatabase();
        return dataSource("127.0.0.1", RealStores.postgresPort(), RealStores.runDatabase(), RealStores.postgresUser(),
                RealStores.postgresPassword());
    }

    static PGSimpleDataSource dataSource(String host, int port, String database, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {host});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(database);
        source.setUser(user);
        source.setPassword(password);
        source.setConnectTimeout(5);
        return source;
    }

    @Override
    protected ReadingStore store() {
        return store;
    }

    @Override
    protected ReadingStore storeAt(int refusingPort) {
        return new PostgresReadingStore(dataSource("127.0.0.1", refusingPort, "steambytes_core", "steambytes", ""),
                Duration.ofSeconds(5));
    }

    @Override
    protected ReadingStore storeWith(Retention retention, Clock clock) {
        return new PostgresReadingStore(database, Duration.ofSeconds(5), retention, clock);
    }

    @Test
    void deletesRollupsOlderThanTheirRetentionOnly() {
        String site = "plant-" + UUID.randomUUID();
        Instant hour = Resolution.HOUR.floor(Instant.now()).minus(Duration.ofHours(3));
        store.write(List.of(reading(site, hour.plusSeconds(30), 1), reading(site, hour.plusSeconds(90), 2),
                reading(site, hour.plusSeconds(3630), 4)));
        store.rollUp(Resolution.MINUTE, hour, hour.plusSeconds(7200));
        store.rollUp(Resolution.HOUR, hour, hour.plusSeconds(7200));

        assertThat(store.deleteRollupsOlderThan(Resolution.MINUTE, hour.plusSeconds(60))).isGreaterThanOrEqualTo(1);
        assertThat(store.deleteRollupsOlderThan(Resolution.HOUR, hour.plusSeconds(3600))).isGreaterThanOrEqualTo(1);

        HistoryQuery count = query(site, hour, hour.plusSeconds(7200), "1h", Aggregate.COUNT, "UTC");
        assertThat(store.history(count, Resolution.MINUTE)).extracting(HistoryBucket::value)
                .as("the first minute went, the second stayed").containsExactly(1.0, 1.0);
        assertThat(store.history(count, Resolution.HOUR)).extracting(HistoryBucket::value).containsExactly(0.0, 1.0);
        assertThat(store.history(count, Resolution.RAW)).as("readings have a retention of their own")
                .extracting(HistoryBucket::value).containsExactly(2.0, 1.0);
    }

    @Test
    void deletesReadingsOlderThanTheRetentionOnly() {
        String site = "plant-" + UUID.randomUUID();
        Instant cutoff = T0.minus(Duration.ofDays(30));
        store.write(List.of(
                reading(site, cutoff.minusMillis(1), 1),
                reading(site, cutoff, 2),
                reading(site, T0, 3)));

        long deleted = store.deleteOlderThan(cutoff);

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(store.findReadings(site, "b1-steam-pressure", Instant.EPOCH, T0.plusSeconds(1)))
                .extracting(Reading::value).containsExactly(2.0, 3.0);
        assertThat(store.deleteOlderThan(cutoff)).as("nothing older is left").isZero();
    }

    /** One statement per write: a row the database refuses takes the whole batch with it, and says so. */
    @Test
    void aWriteTheDatabaseRefusesStoresNothingOfItsBatch() throws SQLException {
        String site = "plant-" + UUID.randomUUID();
        String poison = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE FUNCTION " + poison.replace('-', '_') + "() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.sensor_id = '" + poison + "' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '22023';"
                + " END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER " + poison.replace('-', '_') + " BEFORE INSERT ON readings FOR EACH ROW EXECUTE FUNCTION "
                + poison.replace('-', '_') + "()");
        try {
            assertThatThrownBy(() -> store.write(List.of(
                    reading(site, T0, 1),
                    new Reading(site, poison, "steam_pressure", 2, T0))))
                    .isInstanceOf(ReadingsRefusedException.class);
        } finally {
            execute("DROP TRIGGER " + poison.replace('-', '_') + " ON readings");
            execute("DROP FUNCTION " + poison.replace('-', '_') + "()");
        }

        assertThat(store.findReadings(site, "b1-steam-pressure", T0, T0.plusSeconds(1))).isEmpty();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
