package org.steambytes.alerting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.security.InternalApiSettings;

/**
 * Every setting of this service, bound from {@code steambytes.*} (environment variables in application.yml) and validated at start-up.
 *
 * @param dashboardUrl where e-mails link to ({@code {dashboardUrl}/sites/{site_id}})
 */
@Validated
@ConfigurationProperties("steambytes")
public record AlertingProperties(
        @Valid @NotNull InternalApiSettings internal,
        @NotBlank String mailFrom,
        @NotNull URI dashboardUrl,
        @Valid @NotNull @DefaultValue Stream stream,
        @Valid @NotNull @DefaultValue Notification notification,
        @Valid @NotNull @DefaultValue Analytics analytics,
        @Valid @NotNull @DefaultValue OpenAlerts openAlerts) {

    /**
     * The sites' open-alerts documents in Redis ({@code alert_service:open-alerts:{<site_id>}}, docs/ARCHITECTURE.md
     * §2): besides after every change, every site with non-resolved alerts is rewritten every {@code refreshEvery}
     * (one replica at a time, the first round 5 s after start-up; 0: never — frontend-api's tests), so a document
     * outlives its 300-s TTL and one lost with Redis comes back; a document Redis refused is written again every
     * {@code retryEvery}.
     */
    public record OpenAlerts(
            @NotNull @DefaultValue("1m") Duration refreshEvery,
            @NotNull @DefaultValue("1s") Duration retryEvery) {
    }

    /**
     * The readings stream ({@code enabled=false}: this replica only sends e-mails and reminders): consumer
     * group, this replica's consumer name (blank: {@code host:port}, so a restarted replica reads its own
     * pending entries first), entries per read, and how long an entry may stay unacknowledged with a consumer before
     * another replica claims it. Every {@code silenceCheck} the silence watch looks for silent sensors and
     * lost sites; a sensor is stale after max(3 × its expected interval, {@code staleFloor}). The sites
     * that reported within a day are re-read every {@code reportingRefresh}.
     */
    public record Stream(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("alert_service") String group,
            @DefaultValue("") String consumer,
            @Min(1) @DefaultValue("100") int batch,
            @NotNull @DefaultValue("1s") Duration block,
            @NotNull @DefaultValue("30s") Duration claimIdle,
            @NotNull @DefaultValue("5s") Duration silenceCheck,
            @NotNull @DefaultValue("5m") Duration staleFloor,
            @NotNull @DefaultValue("1m") Duration reportingRefresh) {
    }

    /**
     * E-mail: re-notify unacknowledged critical/high alerts every {@code renotifyEvery}, escalate to the
     * site's escalation e-mails after {@code escalateAfter}; more than {@code floodLimit} alerts in
     * {@code floodWindow} at one site become one summary. The outbox is polled every {@code poll}; a
     * failed send is retried after {@code retry} (doubling up to 5 min). Shelved alerts whose time is up come
     * back every {@code shelveCheck}.
     */
    public record Notification(
            @NotNull @DefaultValue("15m") Duration renotifyEvery,
            @NotNull @DefaultValue("30m") Duration escalateAfter,
            @Min(1) @DefaultValue("10") int floodLimit,
            @NotNull @DefaultValue("10m") Duration floodWindow,
            @NotNull @DefaultValue("500ms") Duration poll,
            @NotNull @DefaultValue("2s") Duration retry,
            @NotNull @DefaultValue("30s") Duration reminderCheck,
            @NotNull @DefaultValue("1h") Duration digestEvery,
            @NotNull @DefaultValue("15s") Duration shelveCheck) {
    }

    /**
     * What follows ai-processor's results ({@code enabled=false}: none of it runs in this replica — frontend-api's
     * tests start alert-service so): the anomalies stream {@code ai_processor:anomalies} read as one consumer of
     * {@code group} (consumer name blank: {@code host:port}), {@code batch} entries per read, entries another
     * consumer left pending longer than {@code claimIdle} claimed; {@code anomaly} alerts checked for their quiet
     * time every {@code anomalyClearCheck}, followed anomalies forgotten after a day (checked every
     * {@code followedCleanup}); {@code efficiency_drop} rules judged every {@code efficiencyCheck}.
     */
    public record Analytics(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue(RedisKeys.ANOMALIES_GROUP) String group,
            @DefaultValue("") String consumer,
            @Min(1) @DefaultValue("100") int batch,
            @NotNull @DefaultValue("1s") Duration block,
            @NotNull @DefaultValue("60s") Duration claimIdle,
            @NotNull @DefaultValue("15s") Duration anomalyClearCheck,
            @NotNull @DefaultValue("1h") Duration followedCleanup,
            @NotNull @DefaultValue("60s") Duration efficiencyCheck) {
    }
}
