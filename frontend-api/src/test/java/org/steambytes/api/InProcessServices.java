package org.steambytes.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.steambytes.analytics.AnalyticsApplication;
import org.steambytes.testsupport.RealStores;

/**
 * The services frontend-api calls, started once per test JVM in this process on the same real stores:
 * the real ai-processor (history API over the real InfluxDB), not a stand-in.
 */
public final class InProcessServices {

    /** The internal token every in-process service and the frontend-api under test share. */
    public static final String INTERNAL_TOKEN = "in-process-internal-token-0123456789";

    private static ConfigurableApplicationContext aiProcessor;

    private InProcessServices() {
    }

    /** The base URL of ai-processor, starting it on first use. */
    public static synchronized String aiProcessorUrl() {
        if (aiProcessor == null) {
            aiProcessor = start(AnalyticsApplication.class, "ai-processor");
        }
        return "http://127.0.0.1:" + aiProcessor.getEnvironment().getProperty("local.server.port");
    }

    /**
     * The test classpath holds frontend-api's application.yml first, so it is the one read; what the
     * service's own yml sets beyond the common file is given here.
     */
    private static ConfigurableApplicationContext start(Class<?> application, String name) {
        RealStores.migrateRunDatabase();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", name);
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", RealStores.jdbcUrl(RealStores.runDatabase()));
        properties.put("spring.datasource.username", RealStores.postgresUser());
        properties.put("spring.datasource.password", RealStores.postgresPassword());
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("spring.data.redis.url", RealStores.redisUrl());
        properties.put("steambytes.influx.url", RealStores.influxUrl());
        properties.put("steambytes.influx.bucket", RealStores.runInfluxDatabase());
        properties.put("steambytes.internal.token", INTERNAL_TOKEN);
        // Its own JMX/metrics names and no competition for the test's logging set-up.
        properties.put("spring.jmx.enabled", "false");
        properties.put("logging.register-shutdown-hook", "false");
        // As arguments, not builder properties: those are defaults, below what application.yml sets.
        String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(application).run(arguments);
    }
}
