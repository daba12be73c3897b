package org.steambytes.alerting.openalert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.alert.AlertTransitioned;
import org.steambytes.alerting.alert.Alerts;
import org.steambytes.alerting.lock.JobLocks;

/**
 * Keeps each site's open-alerts document in Redis ({@code alert_service:open-alerts:{<site_id>}},
 * docs/ARCHITECTURE.md §2) for frontend-api's alerts list. After a transaction that changed alerts of a
 * site commits (any {@link AlertTransitioned}: opened, acknowledged, resolved, shelved, unshelved,
 * escalated, renotified), the site's non-resolved alerts are read from PostgreSQL with the site's version
 * in one statement and written unless Redis holds a newer version ({@link OpenAlertsStore}) — a rolled-back
 * change never reaches Redis, and a late writer never replaces a newer snapshot.
 *
 * <p>Best effort, never at the alert's expense: the transition has committed before anything here runs,
 * and a failure (Redis or PostgreSQL away) is logged, counted ({@code steambytes_alerting_open_alerts_failed_total})
 * and the site owed: written again every {@code retry-every}, while for 5 s after a failure no commit waits
 * for Redis. Every {@code refresh-every} one replica rewrites every site with non-resolved alerts, so a
 * document outlives its TTL and one lost with Redis, or never written by a replica that died, comes back.
 */
@Component
class OpenAlertsPublisher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OpenAlertsPublisher.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);
    private static final Duration FIRST_REFRESH = Duration.ofSeconds(5);

    private final Alerts alerts;
    private final OpenAlertsStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AlertingProperties.OpenAlerts settings;
    private final Counter failed;
    private final Set<String> owed = ConcurrentHashMap.newKeySet();
    private volatile long pausedUntil = System.nanoTime();

    OpenAlertsPublisher(Alerts alerts, OpenAlertsStore store, JdbcClient jdbc, TransactionTemplate transactions,
            AlertingProperties properties, MeterRegistry meters) {
        this.alerts = alerts;
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = properties.openAlerts();
        this.failed = Counter.builder("steambytes.alerting.open_alerts.failed")
                .description("open-alerts documents not written (owed, written again)").register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::retryOwed, settings.retryEvery(), settings.retryEvery()));
        if (!settings.refreshEvery().isZero() && !settings.refreshEvery().isNegative()) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, settings.refreshEvery(), FIRST_REFRESH));
        }
    }

    /** Inside the transition's transaction: the site's document is written once after the commit. */
    @EventListener
    void on(AlertTransitioned event) {
        String siteId = event.alert().siteId();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(siteId);
            return;
        }
        Committed committed = (Committed) TransactionSynchronizationManager.getResource(this);
        if (committed == null) {
            committed = new Committed();
            TransactionSynchronizationManager.bindResource(this, committed);
            TransactionSynchronizationManager.registerSynchronization(committed);
        }
        committed.sites.add(siteId);
    }

    /** Reads the site's document from PostgreSQL and writes it; never throws. */
    void publish(String siteId) {
        if (System.nanoTime() - pausedUntil < 0) {
            owed.add(siteId);
            return;
        }
        try {
            store.write(alerts.openDocument(siteId));
        } catch (RuntimeException e) {
            failed.increment();
            owed.add(siteId);
            pausedUntil = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
            log.warn("Open alerts of {} not written to Redis (written again when it answers): {}", siteId, e.toString());
        }
    }

    /** The documents a failure left unwritten. */
    void retryOwed() {
        if (owed.isEmpty() || System.nanoTime() - pausedUntil < 0) {
            return;
        }
        for (String siteId : List.copyOf(owed)) {
            owed.remove(siteId);
            publish(siteId);
        }
    }

    /** Every site with non-resolved alerts, one replica at a time. */
    void refresh() {
        try {
            transactions.executeWithoutResult(tx -> {
                if (JobLocks.tryLock(jdbc, "alert-service:open-alerts")) {
                    alerts.sitesWithActiveAlerts().forEach(this::publish);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Open-alerts refresh failed: {}", e.toString());
        }
    }

    /** Sites owed a document (tests). */
    Set<String> owed() {
        return Set.copyOf(owed);
    }

    private final class Committed implements TransactionSynchronization {

        private final Set<String> sites = new LinkedHashSet<>();

        @Override
        public void afterCommit() {
            sites.forEach(OpenAlertsPublisher.this::publish);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(OpenAlertsPublisher.this);
        }
    }
}
