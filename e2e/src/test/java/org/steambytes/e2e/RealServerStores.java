package org.steambytes.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.steambytes.testsupport.RealStores;

/**
 * The real PostgreSQL, Redis and InfluxDB that scripts/services-up starts, shared with every other test
 * run on the host: this run gets a fresh PostgreSQL database (the services migrate it) and InfluxDB
 * database, and its own names wherever the services share Redis — frontend-api's cache namespace and
 * alert-service's consumer groups on the readings and anomalies streams (docs/OPERATIONS.md
 * "alert-service"). Its site ids are its own too (the walk's), which keeps the per-site keys apart.
 */
final class RealServerStores implements SuiteStores {

    /** The two streams alert-service reads in consumer groups (docs/API.md "Redis"). */
    private static final String[] GROUP_STREAMS = {"iot_ingestion:readings", "ai_processor:anomalies"};

    /** Where the InfluxDB store writes readings (docs/ARCHITECTURE.md §2). */
    private static final String READINGS_MEASUREMENT = "reading";

    /** The count in InfluxDB's answer {@code {"results":[{"series":[{..."values":[["1970-…Z",42]]}]}]}}. */
    private static final Pattern INFLUX_COUNT = Pattern.compile("\"values\":\\[\\[\"[^\"]*\",(\\d+)]]");

    private final String database;
    private final String influxDatabase;
    private final String streamGroup;

    RealServerStores() {
        database = RealStores.createEmptyDatabase("e2e");
        influxDatabase = RealStores.runInfluxDatabase();
        streamGroup = "e2e-" + database.substring(database.lastIndexOf('_') + 1);
    }

    @Override
    public String mode() {
        return "real-servers";
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("POSTGRES_HOST", RealStores.postgresHost());
        environment.put("POSTGRES_PORT", Integer.toString(RealStores.postgresPort()));
        environment.put("POSTGRES_DB", database);
        environment.put("POSTGRES_USER", RealStores.postgresUser());
        environment.put("DB_PASSWORD", RealStores.postgresPassword());
        // PostgreSQL's 100 connections are shared with every other test JVM on the host.
        environment.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "3");
        environment.put("SPRING_DATASOURCE_HIKARI_MINIMUMIDLE", "1");
        environment.put("REDIS_URL", RealStores.redisUrl());
        environment.put("READINGS_STORE", "influx");
        environment.put("INFLUX_URL", RealStores.influxUrl());
        environment.put("INFLUX_BUCKET", influxDatabase);
        environment.put("FRONTEND_API_CACHE_NAMESPACE", database);
        environment.put("STEAMBYTES_STREAM_GROUP", streamGroup);
        environment.put("STEAMBYTES_ANALYTICS_GROUP", streamGroup);
        return environment;
    }

    @Override
    public long readingsKeptFor(String siteId) {
        String answer = RealStores.influxQuery("SELECT count(\"value\") FROM \"" + influxDatabase + "\".\"autogen\".\""
                + READINGS_MEASUREMENT + "\" WHERE \"site_id\" = '" + siteId.replace("'", "\\'") + "'");
        Matcher count = INFLUX_COUNT.matcher(answer);
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    /** The databases are dropped when the test JVM exits (test-support's RealStores); the groups go now. */
    @Override
    public void close() {
        RedisClient client = RedisClient.create(RealStores.redisUrl());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            for (String stream : GROUP_STREAMS) {
                try {
                    redis.sync().xgroupDestroy(stream, streamGroup);
                } catch (RuntimeException noSuchGroup) {
                    // the service never created it
                }
            }
        } catch (RuntimeException redisAway) {
            // A leftover group holds nothing back: iot-ingestion trims the stream by length regardless.
        } finally {
            client.shutdown();
        }
    }
}
