package org.steambytes.analytics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.security.InternalApiSettings;

/** Every setting of this service, bound from {@code steambytes.*} (environment variables in application.yml) and validated at start-up. */
@Validated
@ConfigurationProperties("steambytes")
public record AnalyticsProperties(
        @Valid @NotNull InternalApiSettings internal,
        @Valid @NotNull InfluxSettings influx,
        @Valid @NotNull @DefaultValue Analytics analytics,
        @Valid @NotNull @DefaultValue HistoryCache historyCache,
        @NotNull @DefaultValue("") String cacheNamespace) {

    /**
     * The closed-bucket history cache (docs/ARCHITECTURE.md, "History cache"): off with {@code enabled=false}
     * ({@code HISTORY_CACHE_ENABLED}); a cached bucket lives at most {@code ttl} ({@code HISTORY_CACHE_TTL});
     * only buckets that ended before the UTC hour that began {@code settle} ago ({@code HISTORY_CACHE_SETTLE},
     * the clock difference allowed between this service and iot-ingestion) are cached.
     * {@code cacheNamespace} ({@code AI_PROCESSOR_CACHE_NAMESPACE}) keeps the caches of deployments or test
     * runs that share one Redis apart.
     */
    public record HistoryCache(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("1h") Duration ttl,
            @NotNull @DefaultValue("30s") Duration settle) {

        public HistoryCache {
            if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("steambytes.history-cache.ttl (HISTORY_CACHE_TTL) must be at least 1 s, was " + ttl);
            }
            if (settle.isNegative() || settle.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new IllegalArgumentException("steambytes.history-cache.settle (HISTORY_CACHE_SETTLE) must lie"
                        + " between 0 and 30 min, was " + settle);
            }
        }
    }

    /**
     * The analytics step: every {@code interval} ({@code ANALYTICS_INTERVAL_S}) each enabled site's last
     * window is analysed (off with {@code enabled=false}: this replica only serves the history API);
     * results older than {@code retention} ({@code ANALYTICS_RETENTION}, at least 8 days: the 7-day
     * efficiency median needs them) are deleted. {@code replica} names this instance in
     * {@code analytics_runs} (blank: host and port).
     */
    public record Analytics(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("60s") Duration interval,
            @NotNull @DefaultValue("30d") Duration retention,
            @DefaultValue("") String replica) {

        public Analytics {
            if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("steambytes.analytics.interval must be at least 1 s, was " + interval);
            }
            if (retention.compareTo(Duration.ofDays(8)) < 0) {
                throw new IllegalArgumentException("steambytes.analytics.retention (ANALYTICS_RETENTION) must be at least"
                        + " 8 days (the 7-day efficiency median needs them), was " + retention);
            }
        }
    }
}
