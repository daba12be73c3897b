package org.steambytes.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another SteamBytes service started inside the test JVM on the same real stores, so a test can go
 * through the real neighbour instead of a stand-in. The test classpath's application.yml is the
 * module's own, so the neighbour gets its name and anything its own yml would set through
 * {@code extra}; everything is passed as command-line arguments (above any yml).
 */
public final class InProcessService {

    private InProcessService() {
    }

    public static ConfigurableApplicationContext start(Class<?> application, String name, Map<String, String> extra) {
        RealStores.migrateRunDatabase();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.application.name", name);
        properties.put("server.port", "0");
        properties.putAll(storeProperties());
        properties.put("spring.jmx.enabled", "false");
        properties.putAll(extra);
        return new SpringApplicationBuilder(application).run(properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
    }

    /** This run's real stores as a service's settings (also for a service started as its own process). */
    public static Map<String, String> storeProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", RealStores.jdbcUrl(RealStores.runDatabase()));
        properties.put("spring.datasource.username", RealStores.postgresUser());
        properties.put("spring.datasource.password", RealStores.postgresPassword());
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("spring.datasource.hikari.idle-timeout", "10000");
        properties.put("spring.data.redis.url", RealStores.redisUrl());
        properties.put("steambytes.influx.url", RealStores.influxUrl());
        properties.put("steambytes.influx.bucket", RealStores.runInfluxDatabase());
        // Redis outlives this run's databases: keep the services' caches (frontend-api's responses,
        // ai-processor's history buckets) apart per run, as RealStores.register does.
        properties.put("steambytes.cache-namespace", RealStores.runDatabase());
        properties.put("steambytes.readings.retention.raw", RealStores.RAW_RETENTION);
        return properties;
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
