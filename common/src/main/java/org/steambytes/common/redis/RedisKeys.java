package org.steambytes.common.redis;

import java.time.Duration;

/**
 * Every Redis key the services use, with its time to live (docs/ARCHITECTURE.md §2, a public
 * contract): the one place that spells them. Each prefix is written by exactly one service. A key
 * that belongs to one site carries the site id as a Redis Cluster hash tag, in literal braces
 * ({@code iot_ingestion:latest:{plant-a}:steam_pressure}), so all of a site's keys share a slot and
 * multi-key reads and scripts of one site work on a cluster.
 */
public final class RedisKeys {

    /** Stream of accepted readings, bounded with MAXLEN ~; written by iot-ingestion, read by alert-service. */
    public static final String READINGS_STREAM = "iot_ingestion:readings";

    /**
     * Stream of stored anomalies (common's AnomalyStreamEntry), bounded with MAXLEN ~; written by
     * ai-processor, read by alert-service through the consumer group {@link #ANOMALIES_GROUP}.
     */
    public static final String ANOMALIES_STREAM = "ai_processor:anomalies";

    /** alert-service's consumer group on {@link #ANOMALIES_STREAM}. */
    public static final String ANOMALIES_GROUP = "alert-service";

    /**
     * Stream of alert changes (common's AlertChangeEntry: opened, acknowledged, shelved, unshelved,
     * resolved, escalated), bounded with MAXLEN ~; written by alert-service after each change commits,
     * read by frontend-web's live feed with plain XREAD. One key for all sites, so no hash tag.
     */
    public static final String ALERT_CHANGES_STREAM = "alert_service:alert-changes";

    public static final Duration LATEST_TTL = Duration.ofSeconds(300);
    public static final Duration DASHBOARD_TTL = Duration.ofSeconds(60);
    public static final Duration API_CACHE_TTL = Duration.ofSeconds(300);
    public static final Duration ALERT_STATE_TTL = Duration.ofSeconds(300);
    public static final Duration ANALYTICS_TTL = Duration.ofSeconds(1800);
    /**
     * Of {@link #openAlerts}: like the alert state keys. alert-service rewrites every site's document
     * with non-resolved alerts at least once a minute, so it only runs out when alert-service cannot
     * write (stopped, Redis away from it) — then readers fall back to PostgreSQL.
     */
    public static final Duration OPEN_ALERTS_TTL = Duration.ofSeconds(300);

    private static final String API_CACHE_PREFIX = "frontend_api:";
    private static final String ALERT_STATE_PREFIX = "alert_service:state:";

    private RedisKeys() {
    }

    /** {@code {site_id}}: the hash tag that puts every key of one site in the same cluster slot. */
    public static String siteTag(String siteId) {
        return "{" + siteId + "}";
    }

    /** Hash sensor_id → JSON {value, unit, ts} of a site's latest values of one sensor type. */
    public static String latest(String siteId, String sensorType) {
        return "iot_ingestion:latest:" + siteTag(siteId) + ":" + sensorType;
    }

    /** JSON snapshot of a site's latest values for the dashboard. */
    public static String dashboard(String siteId) {
        return "iot_ingestion:dashboard:" + siteTag(siteId);
    }

    /** JSON snapshot of a site's latest analytics results (docs/API.md "Analytics"); written by ai-processor. */
    public static String analytics(String siteId) {
        return "ai_processor:analytics:" + siteTag(siteId);
    }

    /**
     * A site's history generation (a counter; missing means 0): iot-ingestion increments it after it
     * stored readings of the site older than the current UTC hour, so ai-processor's cached closed
     * history buckets of the site ({@link #historyBuckets}) are never read again. No TTL.
     */
    public static String historyGeneration(String siteId) {
        return "iot_ingestion:history-generation:" + siteTag(siteId);
    }

    /**
     * A hash of one sensor's closed history buckets (field: bucket start in epoch milliseconds, value:
     * the aggregate, empty for an empty bucket) for one interval, aggregate and time zone under one
     * history generation; written by ai-processor, expires {@code HISTORY_CACHE_TTL} (1 h) after it was
     * created. {@code namespace} (may be blank) keeps deployments or test runs sharing a Redis apart.
     */
    public static String historyBuckets(String namespace, String siteId, String sensorId, String interval,
            String aggregate, String timezone, long generation) {
        return "ai_processor:history:" + (namespace.isBlank() ? "" : namespace + ":") + siteTag(siteId) + ":"
                + sensorId + ":" + interval + ":" + aggregate + ":" + timezone + ":g" + generation;
    }

    /** alert-service's rebuildable state of one site (a hash). */
    public static String alertSiteState(String siteId) {
        return ALERT_STATE_PREFIX + "site:" + siteTag(siteId);
    }

    /** alert-service's lock on one site's state (a lease, shared by the replicas). */
    public static String alertSiteLock(String siteId) {
        return ALERT_STATE_PREFIX + "lock:" + siteTag(siteId);
    }

    /**
     * alert-service's JSON document of one site's non-resolved (open, acknowledged) alerts, newest first
     * (common's OpenAlertsDocument): rewritten after every commit that changes an alert of the site, never
     * by an older snapshot (a per-site version); frontend-api answers its alerts list from it.
     */
    public static String openAlerts(String siteId) {
        return "alert_service:open-alerts:" + siteTag(siteId);
    }

    /** alert-service's other state keys ({@code sites}, {@code stream_gap:…}): not per site. */
    public static String alertState(String name) {
        return ALERT_STATE_PREFIX + name;
    }

    /**
     * frontend-api's pub/sub channel of changes its replicas' in-memory caches must forget
     * ({@code callers}, {@code site:<site_id>}, {@code sites}) and of their heartbeats; {@code namespace}
     * is {@code FRONTEND_API_CACHE_NAMESPACE} (blank: none). Publishing {@code callers} on it after
     * changing keys or users by hand in PostgreSQL makes every replica read them afresh at once.
     */
    public static String apiChanges(String namespace) {
        return API_CACHE_PREFIX + (namespace == null || namespace.isBlank() ? "" : namespace + ":") + "changes";
    }

    public static String apiCache(String name) {
        return API_CACHE_PREFIX + name;
    }
}
