package org.steambytes.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.steambytes.alerting.AlertingApplication;
import org.steambytes.analytics.AnalyticsApplication;
import org.steambytes.api.ApiApplication;
import org.steambytes.testsupport.InProcessService;
import org.steambytes.testsupport.RealStores;

/**
 * The real frontend-api (and the ai-processor its history API asks, and the alert-service its
 * acknowledge and shelve are forwarded to), each started once per test
 * JVM in this process on the same real stores, sharing the internal token with the frontend-web
 * under test, so the user tokens frontend-web signs are the ones frontend-api checks.
 */
public final class InProcessFrontendApi {

    public static final String INTERNAL_TOKEN = "dashboard-test-internal-token-0123456789";

    private static ConfigurableApplicationContext api;
    private static ConfigurableApplicationContext aiProcessor;
    private static ConfigurableApplicationContext alertService;

    private InProcessFrontendApi() {
    }

    /** frontend-api's base URL, starting it (and ai-processor) on first use. */
    public static synchronized String url() {
        if (api == null) {
            aiProcessor = InProcessService.start(AnalyticsApplication.class, "ai-processor", Map.of(
                    "steambytes.internal.token", INTERNAL_TOKEN, "steambytes.analytics.enabled", "false"));
            // Its internal API only: no stream consumer, no anomaly follower, no e-mail sending, and the silence
            // watch (which resolves the rule-less alerts the tests insert) once at start only.
            alertService = InProcessService.start(AlertingApplication.class, "alert-service", Map.of(
                    "steambytes.internal.token", INTERNAL_TOKEN,
                    "steambytes.mail-from", "alerts@localhost",
                    "steambytes.dashboard-url", "http://localhost:8080",
                    "steambytes.stream.enabled", "false",
                    "steambytes.stream.silence-check", "1h",
                    "steambytes.analytics.enabled", "false",
                    "spring.mail.host", "127.0.0.1",
                    "steambytes.notification.poll", "1h",
                    // Only its own changes write a site's open-alerts document (which frontend-api's alerts list
                    // reads): the alerts the tests insert and change by hand are read from PostgreSQL.
                    "steambytes.open-alerts.refresh-every", "0s"));
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("steambytes.internal.token", INTERNAL_TOKEN);
            settings.put("steambytes.ai-processor-url", "http://127.0.0.1:" + InProcessService.port(aiProcessor));
            settings.put("steambytes.alert-service-url", "http://127.0.0.1:" + InProcessService.port(alertService));
            settings.put("steambytes.cache-namespace", RealStores.runDatabase());
            settings.put("springdoc.paths-to-match", "/api/**");
            settings.put("management.endpoint.health.group.readiness.include", "readinessState,db");
            api = InProcessService.start(ApiApplication.class, "frontend-api", settings);
        }
        return "http://127.0.0.1:" + InProcessService.port(api);
    }

    /** The running alert-service (started with frontend-api), for a test that changes an alert through its lifecycle. */
    public static synchronized ConfigurableApplicationContext alertService() {
        url();
        return alertService;
    }
}
