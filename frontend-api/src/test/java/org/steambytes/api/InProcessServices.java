package org.steambytes.api;

import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.steambytes.alerting.AlertingApplication;
import org.steambytes.analytics.AnalyticsApplication;
import org.steambytes.testsupport.InProcessService;

/**
 * The services frontend-api calls, each started once per test JVM in this process on the same real
 * stores: the real ai-processor (history over the real InfluxDB) and alert-service (acknowledging), not stand-ins.
 */
public final class InProcessServices {

    /** The internal token every in-process service and the frontend-api under test share. */
    public static final String INTERNAL_TOKEN = "in-process-internal-token-0123456789";

    private static ConfigurableApplicationContext aiProcessor;
    private static ConfigurableApplicationContext alertService;

    private InProcessServices() {
    }

    /** The base URL of ai-processor, starting it on first use. */
    public static synchronized String aiProcessorUrl() {
        if (aiProcessor == null) {
            aiProcessor = InProcessService.start(AnalyticsApplication.class, "ai-processor",
                    Map.of("steambytes.internal.token", INTERNAL_TOKEN, "steambytes.analytics.enabled", "false"));
        }
        return "http://127.0.0.1:" + InProcessService.port(aiProcessor);
    }

    /** The running ai-processor (started on first use), for a test that drives its analytics cycle itself. */
    public static synchronized ConfigurableApplicationContext aiProcessor() {
        aiProcessorUrl();
        return aiProcessor;
    }

    /** The base URL of alert-service (its internal API; no stream consumer, no anomaly follower, no e-mail sending), starting it on first use. */
    public static synchronized String alertServiceUrl() {
        if (alertService == null) {
            alertService = InProcessService.start(AlertingApplication.class, "alert-service", Map.of(
                    "steambytes.internal.token", INTERNAL_TOKEN,
                    "steambytes.mail-from", "alerts@localhost",
                    "steambytes.dashboard-url", "http://localhost:8080",
                    "steambytes.stream.enabled", "false",
                    "steambytes.analytics.enabled", "false",
                    "spring.mail.host", "127.0.0.1",
                    "steambytes.notification.poll", "1h",
                    // Only changes write a site's open-alerts document here: the tests that edit alerts by hand
                    // read PostgreSQL (no document) and must not meet a refreshed one.
                    "steambytes.open-alerts.refresh-every", "0s"));
        }
        return "http://127.0.0.1:" + InProcessService.port(alertService);
    }

    /** The running alert-service (started on first use), for a test that opens or resolves alerts through its lifecycle. */
    public static synchronized ConfigurableApplicationContext alertService() {
        alertServiceUrl();
        return alertService;
    }
}
