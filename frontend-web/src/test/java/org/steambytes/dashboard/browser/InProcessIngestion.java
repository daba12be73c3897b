package org.steambytes.dashboard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.steambytes.dashboard.InProcessFrontendApi;
import org.steambytes.ingestion.IngestionApplication;
import org.steambytes.testsupport.InProcessService;

/**
 * The real iot-ingestion, started once per test JVM in this process on the same real stores (its own
 * spool directory), so the browser tests post readings the way a gateway does.
 */
final class InProcessIngestion {

    private static ConfigurableApplicationContext ingestion;

    private InProcessIngestion() {
    }

    /** iot-ingestion's port, starting it on first use. */
    static synchronized int port() {
        if (ingestion == null) {
            try {
                ingestion = InProcessService.start(IngestionApplication.class, "iot-ingestion", Map.of(
                        "steambytes.internal.token", InProcessFrontendApi.INTERNAL_TOKEN,
                        "steambytes.ingestion.spool.directory", Files.createTempDirectory("dashboard-spool-").toString(),
                        "management.endpoint.health.group.readiness.include", "readinessState,db,redis,influx"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return InProcessService.port(ingestion);
    }
}
