package org.steambytes.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The embedded run mode (docs/ARCHITECTURE.md §6, what {@code scripts/run} starts with no server installed):
 * the packaged {@code embedded-stores} jar as a process of its own — PostgreSQL 14, Redis 6.2 and a mail
 * catcher from Maven jars — on free ports under a data directory of this run, and the five services
 * pointed at it by the {@code data/embedded.env} it writes, readings in PostgreSQL
 * ({@code READINGS_STORE=postgres}). Nothing is shared with other runs, so no namespace is needed. The walk's
 * on-call mailbox stays the test's own SMTP server (the catcher is embedded-stores' own test's concern).
 */
final class EmbeddedSuiteStores implements SuiteStores {

    /** embedded-stores needs about 5 s alone; PostgreSQL's initdb takes longer on a busy 2-core host. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final Path dataDirectory;
    private final JarProcess stores;
    private final Map<String, String> endpoints;

    EmbeddedSuiteStores(Path runDirectory) {
        dataDirectory = runDirectory.resolve("embedded-data");
        try {
            deleteRecursively(runDirectory);
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> environment = Map.of(
                "EMBEDDED_DATA_DIR", dataDirectory.toString(),
                "EMBEDDED_POSTGRES_PORT", Integer.toString(FreePort.next()),
                "EMBEDDED_REDIS_PORT", Integer.toString(FreePort.next()),
                "EMBEDDED_SMTP_PORT", Integer.toString(FreePort.next()),
                "EMBEDDED_MAIL_HTTP_PORT", Integer.toString(FreePort.next()));
        stores = JarProcess.start(ServiceJar.of("embedded-stores"), FreePort.next(), environment,
                runDirectory.resolve("embedded-stores-work"), runDirectory.resolve("embedded-stores.log"));
        try {
            endpoints = awaitEnvironmentFile();
        } catch (RuntimeException | Error e) {
            System.err.println(stores.tail(60));
            close();
            throw e;
        }
    }

    @Override
    public String mode() {
        return "embedded";
    }

    @Override
    public Map<String, String> environment() {
        return endpoints;
    }

    @Override
    public long readingsKeptFor(String siteId) {
        String url = "jdbc:postgresql://127.0.0.1:" + endpoints.get("POSTGRES_PORT") + "/steambytes_core";
        try (Connection connection = DriverManager.getConnection(url, "steambytes", "steambytes");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM readings WHERE site_id = ?")) {
            count.setString(1, siteId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded PostgreSQL's readings table cannot be read", e);
        }
    }

    /** SIGTERM: embedded-stores stops PostgreSQL (fast shutdown), Redis and the catcher, then exits. */
    @Override
    public void close() {
        stores.requestStop();
        stores.awaitExit(Duration.ofSeconds(30));
    }

    /** The variables embedded-stores writes once every store answers, as {@code scripts/run} sources them. */
    private Map<String, String> awaitEnvironmentFile() {
        Path file = dataDirectory.resolve("embedded.env");
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!Files.isRegularFile(file)) {
            if (!stores.alive()) {
                throw new IllegalStateException("embedded-stores exited before its stores answered (log: " + stores.log() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("embedded-stores wrote no " + file + " within " + READY_WITHIN
                        + " (log: " + stores.log() + ")");
            }
            sleep(Duration.ofMillis(200));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                    .forEach(line -> variables.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"postgres".equals(variables.get("READINGS_STORE")) || !variables.containsKey("POSTGRES_PORT")
                || !variables.containsKey("REDIS_URL")) {
            throw new IllegalStateException("embedded.env lacks the stores' endpoints: " + variables);
        }
        return variables;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
