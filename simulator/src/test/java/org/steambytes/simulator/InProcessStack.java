package org.steambytes.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.steambytes.analytics.AnalyticsApplication;
import org.steambytes.api.ApiApplication;
import org.steambytes.ingestion.IngestionApplication;
import org.steambytes.testsupport.InProcessService;
import org.steambytes.testsupport.RealStores;

/**
 * The real frontend-api (with a bootstrap admin key), the ai-processor behind its history and
 * analytics settings (its cycle off) and iot-ingestion, started once per test JVM in this process on
 * the real PostgreSQL, Redis and InfluxDB (test-support's {@link InProcessService}).
 */
public final class InProcessStack {

    public static final String INTERNAL_TOKEN = "simulator-test-internal-token-0123456789";
    public static final String ADMIN_KEY = "simulator-test-admin-key-0123456789";

    private static String api;
    private static String ingestion;

    private InProcessStack() {
    }

    /** frontend-api's base URL, starting the three on first use. */
    public static synchronized String api() {
        start();
        return api;
    }

    /** iot-ingestion's base URL, starting the three on first use. */
    public static synchronized String ingestion() {
        start();
        return ingestion;
    }

    private static void start() {
        if (api != null) {
            return;
        }
        ConfigurableApplicationContext aiProcessor = InProcessService.start(AnalyticsApplication.class, "ai-processor", Map.of(
                "steambytes.internal.token", INTERNAL_TOKEN, "steambytes.analytics.enabled", "false",
                "management.endpoint.health.group.readiness.include", "readinessState,db"));
        ConfigurableApplicationContext ingestionService;
        try {
            ingestionService = InProcessService.start(IngestionApplication.class, "iot-ingestion", Map.of(
                    "steambytes.internal.token", INTERNAL_TOKEN,
                    "steambytes.ingestion.spool.directory", Files.createTempDirectory("simulator-spool-").toString(),
                    "management.endpoint.health.group.readiness.include", "readinessState,db,redis,influx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurableApplicationContext frontendApi = InProcessService.start(ApiApplication.class, "frontend-api", Map.of(
                "steambytes.internal.token", INTERNAL_TOKEN,
                "steambytes.admin-api-key", ADMIN_KEY,
                "steambytes.ai-processor-url", "http://127.0.0.1:" + InProcessService.port(aiProcessor),
                // Not started: the demo never acknowledges or shelves.
                "steambytes.alert-service-url", "http://127.0.0.1:9",
                "steambytes.cache-namespace", RealStores.runDatabase(),
                "springdoc.paths-to-match", "/api/**",
                "management.endpoint.health.group.readiness.include", "readinessState,db"));
        api = "http://127.0.0.1:" + InProcessService.port(frontendApi);
        ingestion = "http://127.0.0.1:" + InProcessService.port(ingestionService);
    }
}
