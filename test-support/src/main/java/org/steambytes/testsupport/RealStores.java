package org.steambytes.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL, Redis and InfluxDB the tests use (started by scripts/services-up), located
 * by the same environment variables as the services. Each test JVM gets its own empty PostgreSQL
 * database and InfluxDB database, dropped when the JVM exits, so runs never see each other's data
 * and migrations always start from nothing.
 */
public final class RealStores {

    private static String runDatabase;
    private static boolean runDatabaseMigrated;
    private static String runInfluxDatabase;

    private RealStores() {
    }

    public static String postgresHost() {
        return env("POSTGRES_HOST", "127.0.0.1");
    }

    public static int postgresPort() {
        return Integer.parseInt(env("POSTGRES_PORT", "5432"));
    }

    public static String postgresUser() {
        return env("POSTGRES_USER", "steambytes");
    }

    public static String postgresPassword() {
        return env("DB_PASSWORD", "steambytes");
    }

    public static String redisUrl() {
        return env("REDIS_URL", "redis://127.0.0.1:6379");
    }

    public static URI redisUri() {
        return URI.create(redisUrl());
    }

    public static String influxUrl() {
        return env("INFLUX_URL", "http://127.0.0.1:8086");
    }

    public static URI influxUri() {
        return URI.create(influxUrl());
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** This JVM's own empty database (created on first use). */
    public static synchronized String runDatabase() {
        if (runDatabase == null) {
            String name = "steambytes_test_" + ProcessHandle.current().pid() + "_" + randomSuffix();
            executeOnMaintenanceDatabase("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
            runDatabase = name;
        }
        return runDatabase;
    }

    /**
     * Applies db/migrations (from the classpath, as the services do) to this JVM's database, for tests
     * that write fixtures before or without starting a service. Services migrate it themselves too.
     */
    public static synchronized void migrateRunDatabase() {
        if (!runDatabaseMigrated) {
            org.flywaydb.core.Flyway.configure()
                    .dataSource(jdbcUrl(runDatabase()), postgresUser(), postgresPassword())
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            runDatabaseMigrated = true;
        }
    }

    /** This JVM's own InfluxDB database (created on first use, dropped at exit). */
    public static synchronized String runInfluxDatabase() {
        if (runInfluxDatabase == null) {
            String name = "sensor_data_test_" + ProcessHandle.current().pid() + "_" + randomSuffix();
            influxQuery("CREATE DATABASE \"" + name + "\"");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    influxQuery("DROP DATABASE \"" + name + "\"");
                } catch (RuntimeException ignored) {
                    // InfluxDB may be stopped by a test at exit; the database is then left for the next cleanup.
                }
            }));
            runInfluxDatabase = name;
        }
        return runInfluxDatabase;
    }

    /** A further empty database of this JVM, for tests that must see migrations start from nothing. */
    public static String createEmptyDatabase(String purpose) {
        String name = "steambytes_test_" + purpose + "_" + ProcessHandle.current().pid() + "_" + randomSuffix();
        executeOnMaintenanceDatabase("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        return name;
    }

    public static String jdbcUrl(String database) {
        return jdbcUrl(postgresHost(), postgresPort(), database);
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(postgresHost(), postgresPort(), runDatabase()),
                postgresUser(), postgresPassword());
    }

    /**
     * The raw retention (steambytes.readings.retention.raw) of test contexts: tests write readings at fixed
     * past dates into this run's InfluxDB database, whose default retention policy a service sets to the raw
     * retention at start (30 days by default would drop them, and read them from rollups). The retention
     * itself is tested with a clock of its own (common's ReadingStoreContract, iot-ingestion's rollup tests).
     */
    public static final String RAW_RETENTION = "3650d";

    /** Points a Spring test context straight at the real stores. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> jdbcUrl(postgresHost(), postgresPort(), runDatabase()));
        registry.add("spring.datasource.username", RealStores::postgresUser);
        registry.add("spring.datasource.password", RealStores::postgresPassword);
        // A test JVM keeps one context per configuration alive (frontend-api's run has ~25, plus the services
        // it starts in-process): small pools that shrink to one idle connection keep them all under
        // PostgreSQL's max_connections (100).
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000");
        registry.add("spring.data.redis.url", RealStores::redisUrl);
        registry.add("steambytes.influx.url", RealStores::influxUrl);
        registry.add("steambytes.influx.bucket", RealStores::runInfluxDatabase);
        registry.add("steambytes.readings.retention.raw", () -> RAW_RETENTION);
        // Redis outlives this run's database: keep frontend-api's response cache apart per run.
        registry.add("steambytes.cache-namespace", RealStores::runDatabase);
    }

    /** Runs an InfluxQL statement that needs POST (CREATE, DROP) against the real InfluxDB. */
    public static String influxQuery(String statement) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(influxUrl() + "/query"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(statement, StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("InfluxDB answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("InfluxDB at " + influxUrl() + " does not answer; run scripts/services-up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void executeOnMaintenanceDatabase(String sql) {
        try (Connection connection = DriverManager.getConnection(
                jdbcUrl(postgresHost(), postgresPort(), "postgres"), postgresUser(), postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgresHost() + ":" + postgresPort()
                    + " refused '" + sql + "'; run scripts/services-up", e);
        }
    }

    private static void dropQuietly(String database) {
        try {
            executeOnMaintenanceDatabase("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (RuntimeException ignored) {
            // PostgreSQL may be unreachable at exit; a leftover test database harms nothing.
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
