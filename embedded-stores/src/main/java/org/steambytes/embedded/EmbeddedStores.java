package org.steambytes.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded run's stores in one process (docs/ARCHITECTURE.md §6): PostgreSQL 14, Redis 6.2, an SMTP
 * catcher and its JSON endpoint. Once all answer, the endpoints are written to {@code <data>/embedded.env}
 * for {@code scripts/run} to source, in the variables the services read (§3). SIGTERM or Ctrl-C stops them
 * in reverse order (PostgreSQL with a fast shutdown) and removes the file.
 */
public final class EmbeddedStores implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStores.class);

    private final EmbeddedSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private PostgresStore postgres;
    private RedisStore redis;
    private MailCatcher mail;
    private MailEndpoint mailEndpoint;

    private EmbeddedStores(EmbeddedSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        EmbeddedStores stores = start(EmbeddedSettings.fromEnvironment(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stores.close();
            stopped.countDown();
        }, "embedded-stores-stop"));
        log.info("Embedded stores ready; endpoints in {}", stores.envFile());
        stopped.await();
    }

    /** Starts every store; if one fails, those already started are stopped again. */
    public static EmbeddedStores start(EmbeddedSettings settings) throws Exception {
        EmbeddedStores stores = new EmbeddedStores(settings);
        try {
            Files.createDirectories(settings.dataDir());
            Files.deleteIfExists(stores.envFile());
            long begin = System.nanoTime();
            stores.postgres = stores.started(PostgresStore.start(settings));
            stores.redis = stores.started(RedisStore.start(settings));
            stores.mail = stores.started(MailCatcher.start(settings));
            stores.mailEndpoint = stores.started(MailEndpoint.start(
                    Ports.choose(settings.mailHttpPort(), EmbeddedSettings.DEFAULT_MAIL_HTTP_PORT), stores.mail));
            stores.writeEnvFile();
            log.info("PostgreSQL on {}, Redis on {}, SMTP on {}, caught mail at {} (started in {} ms)",
                    stores.postgresPort(), stores.redisPort(), stores.smtpPort(), stores.mailCatcherUrl(),
                    (System.nanoTime() - begin) / 1_000_000);
            return stores;
        } catch (Exception e) {
            stores.close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T started(T store) {
        started.push(store);
        return store;
    }

    public Path envFile() {
        return settings.dataDir().resolve("embedded.env");
    }

    public int postgresPort() {
        return postgres.port();
    }

    public int redisPort() {
        return redis.port();
    }

    public int smtpPort() {
        return mail.port();
    }

    public String mailCatcherUrl() {
        return "http://127.0.0.1:" + mailEndpoint.port();
    }

    /** What the services need to reach these stores, in the variables of docs/ARCHITECTURE.md §3. */
    String environment() {
        return String.join("\n",
                "# Written by embedded-stores (docs/OPERATIONS.md \"Embedded mode\"); removed when it stops.",
                "POSTGRES_HOST=127.0.0.1",
                "POSTGRES_PORT=" + postgresPort(),
                "REDIS_URL=redis://127.0.0.1:" + redisPort(),
                "SMTP_HOST=127.0.0.1",
                "SMTP_PORT=" + smtpPort(),
                "MAIL_CATCHER_URL=" + mailCatcherUrl(),
                "READINGS_STORE=postgres",
                "");
    }

    private void writeEnvFile() throws IOException {
        Path partial = envFile().resolveSibling("embedded.env.partial");
        Files.writeString(partial, environment());
        Files.move(partial, envFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stops what started, newest first. */
    @Override
    public synchronized void close() {
        try {
            Files.deleteIfExists(envFile());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", envFile(), e.toString());
        }
        while (!started.isEmpty()) {
            AutoCloseable store = started.pop();
            try {
                store.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", store.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
