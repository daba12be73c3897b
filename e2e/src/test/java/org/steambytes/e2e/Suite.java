package org.steambytes.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The five services started from their packaged jars as separate processes on free ports, wired to each
 * other and to one run's stores the way a deployment is (docs/ARCHITECTURE.md §3), each logging to
 * {@code <logs>/<service>.log}. {@link #close} stops them all, whatever happened.
 */
final class Suite implements AutoCloseable {

    /**
     * A ceiling, not a wait: on the 2-core host the five were ready in about 70 s at a load average near 10,
     * and in over four minutes with other builds pushing it above 20.
     */
    private static final Duration READY_WITHIN = Duration.ofSeconds(420);

    private final Map<SuiteService, JarProcess> processes;
    private final Thread killAtExit;

    private Suite(Map<SuiteService, JarProcess> processes) {
        this.processes = processes;
        // Should the test JVM itself be stopped, no service outlives it.
        this.killAtExit = new Thread(() -> processes.values().forEach(JarProcess::kill));
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /** What the services are given besides the stores: secrets, the mailbox, settings that make a run short. */
    record Wiring(SuiteSecrets secrets, Mailbox mailbox, Duration analyticsInterval) {
    }

    static Suite start(SuiteStores stores, Wiring wiring, Path logs) {
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, FreePort.next());
        }
        Map<String, String> shared = new LinkedHashMap<>(stores.environment());
        shared.put("STEAMBYTES_INTERNAL_TOKEN", wiring.secrets().internalToken());
        Map<SuiteService, JarProcess> processes = new EnumMap<>(SuiteService.class);
        Suite suite = new Suite(processes);
        try {
            emptyDirectory(logs);
            for (SuiteService service : SuiteService.values()) {
                Map<String, String> environment = new LinkedHashMap<>(shared);
                environment.putAll(ownSettings(service, ports, wiring, logs));
                processes.put(service, JarProcess.start(ServiceJar.of(service), ports.get(service), environment,
                        logs.resolve(service.module() + "-work"), logs.resolve(service.module() + ".log")));
            }
            suite.awaitReady();
            return suite;
        } catch (IOException e) {
            suite.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            System.err.println(suite.logTails(60));
            suite.close();
            throw e;
        }
    }

    /** Each service's own variables (docs/ARCHITECTURE.md §3, docs/OPERATIONS.md). */
    private static Map<String, String> ownSettings(SuiteService service, Map<SuiteService, Integer> ports, Wiring wiring,
            Path logs) {
        return switch (service) {
            case FRONTEND_WEB -> Map.of("FRONTEND_API_URL", url(ports, SuiteService.FRONTEND_API));
            case FRONTEND_API -> Map.of(
                    "AI_PROCESSOR_URL", url(ports, SuiteService.AI_PROCESSOR),
                    "ALERT_SERVICE_URL", url(ports, SuiteService.ALERT_SERVICE),
                    "STEAMBYTES_ADMIN_API_KEY", wiring.secrets().adminApiKey(),
                    "STEAMBYTES_ADMIN_PASSWORD", wiring.secrets().adminPassword());
            case IOT_INGESTION -> Map.of("INGESTION_SPOOL_DIR", logs.resolve("iot-ingestion-spool").toString());
            case AI_PROCESSOR -> Map.of("ANALYTICS_INTERVAL_S", Long.toString(wiring.analyticsInterval().toSeconds()),
                    "ANALYTICS_REPLICA", "e2e-ai-processor");
            case ALERT_SERVICE -> Map.of(
                    "SMTP_HOST", wiring.mailbox().host(),
                    "SMTP_PORT", Integer.toString(wiring.mailbox().port()),
                    "ALERT_MAIL_FROM", "steambytes-alerts@e2e.example",
                    "FRONTEND_WEB_URL", url(ports, SuiteService.FRONTEND_WEB),
                    "ALERT_CONSUMER_NAME", "e2e-alert-service");
        };
    }

    /** Each run starts from nothing: no log, spool or working files of an earlier run. */
    private static void emptyDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(directory);
    }

    private static String url(Map<SuiteService, Integer> ports, SuiteService service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Polls every service's readiness in turn until all five answer 200; fails at once if one exits. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        Set<SuiteService> waiting = EnumSet.allOf(SuiteService.class);
        while (!waiting.isEmpty()) {
            waiting.removeIf(service -> processes.get(service).ready());
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting + " not ready within " + READY_WITHIN + " (logs: "
                        + processes.get(waiting.iterator().next()).log().getParent() + ")");
            }
            sleep(Duration.ofMillis(500));
        }
    }

    String url(SuiteService service) {
        return "http://127.0.0.1:" + port(service);
    }

    int port(SuiteService service) {
        return processes.get(service).port();
    }

    /** The end of every service's log, to print when a step failed. */
    String logTails(int lines) {
        StringBuilder tails = new StringBuilder();
        processes.values().forEach(process -> tails.append("\n===== ").append(process.name()).append(": last ")
                .append(lines).append(" lines of ").append(process.log()).append(" =====\n").append(process.tail(lines))
                .append('\n'));
        return tails.toString();
    }

    /** Stops all five: SIGTERM to each, then SIGKILL to any still running 20 s later. Never throws. */
    @Override
    public void close() {
        processes.values().forEach(JarProcess::requestStop);
        processes.values().forEach(process -> process.awaitExit(Duration.ofSeconds(20)));
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
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
