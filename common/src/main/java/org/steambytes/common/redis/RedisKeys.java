package org.steambytes.common.redis;

import java.time.Duration;

/**
 * Every Redis key the services share, with its time to live (ARCHITECTURE.md §2, a public contract).
 * Each prefix is written by exactly one service.
 */
public final class RedisKeys {

    /** Stream of accepted readings, bounded with MAXLEN ~; written by iot-ingestion, read by alert-service. */
    public static final String READINGS_STREAM = "iot_ingestion:readings";

    public static final Duration LATEST_TTL = Duration.ofSeconds(300);
    public static final Duration DASHBOARD_TTL = Duration.ofSeconds(60);
    public static final Duration API_CACHE_TTL = Duration.ofSeconds(300);
    public static final Duration ANALYTICS_TTL = Duration.ofSeconds(1800);
    public static final Duration ALERT_STATE_TTL = Duration.ofSeconds(300);

    /** Prefix of frontend-api's response cache. */
    public static final String API_CACHE_PREFIX = "frontend_api:";
    /** Prefix of frontend-web's sessions and page cache. */
    public static final String WEB_PREFIX = "frontend_web:";
    /** Prefix of alert-service's rebuildable alert state. */
    public static final String ALERT_STATE_PREFIX = "alert_service:state:";

    private RedisKeys() {
    }

    /** Hash sensor_id → JSON {value, unit, ts} of a site's latest values of one sensor type. */
    public static String latest(String siteId, String sensorType) {
        return "iot_ingestion:latest:" + siteId + ":" + sensorType;
    }

    /** Pattern matching all of a site's latest-value hashes. */
    public static String latestPattern(String siteId) {
        return "iot_ingestion:latest:" + siteId + ":*";
    }

    /** JSON snapshot of a site's latest values for the dashboard. */
    public static String dashboard(String siteId) {
        return "iot_ingestion:dashboard:" + siteId;
    }

    /** The latest analytics results of a site. */
    public static String analytics(String siteId) {
        return "ai_processor:analytics:" + siteId;
    }

    public static String alertState(String name) {
        return ALERT_STATE_PREFIX + name;
    }

    public static String apiCache(String name) {
        return API_CACHE_PREFIX + name;
    }
}
