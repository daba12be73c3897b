package org.steambytes.alerting.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.lock.JobLocks;

/**
 * Unacknowledged critical and high alerts: re-notified every {@code renotify-every} (default 15 min)
 * and, once, escalated to the site's escalation e-mails after {@code escalate-after}. Each reminder is
 * an {@code alert_events} row published as {@link AlertTransitioned} (its e-mail is queued in the same
 * transaction); one replica at a time.
 */
@Component
public class Reminders implements SchedulingConfigurer {

    /**
     * Unacknowledged critical or high alerts, except while shelved or their site is in maintenance (an
     * escalation then waits until it ends instead of being used up unsent) or lost (the lost-site alert
     * speaks for the site's other alerts).
     */
    private static final String URGENT = "state = 'open' AND severity IN ('critical', 'high')"
            + " AND (shelved_until IS NULL OR shelved_until <= now())"
            + " AND NOT EXISTS (SELECT 1 FROM maintenance_windows m WHERE m.site_id = alerts.site_id"
            + " AND m.starts_at <= now() AND m.ends_at > now())"
            + " AND (kind = 'site_lost' OR NOT EXISTS (SELECT 1 FROM alerts lost WHERE lost.site_id = alerts.site_id"
            + " AND lost.kind = 'site_lost' AND lost.state <> 'resolved'))";
    /** Last e-mailed (on opening, or the last reminder) longer ago than renotify-every. */
    private static final String RENOTIFY_DUE = "last_notified_at <= ?";
    /** Opened in this service (not: the reading's time) longer ago than escalate-after, not yet escalated. */
    private static final String ESCALATE_DUE = "escalated_at IS NULL AND (SELECT min(e.recorded_at) FROM alert_events e"
            + " WHERE e.alert_id = alerts.alert_id AND e.transition = 'opened') <= ?";

    private final JdbcClient jdbc;
    private final AlertLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final AlertingProperties.Notification settings;
    private final Clock clock;

    Reminders(JdbcClient jdbc, AlertLifecycle lifecycle, TransactionTemplate transactions, AlertingProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.settings = properties.notification();
        this.clock = clock;
    }

    /** Every {@code reminder-check}, in every replica; the advisory lock lets one at a time work. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::remind, settings.reminderCheck());
    }

    public void remind() {
        transactions.executeWithoutResult(tx -> {
            if (!JobLocks.tryLock(jdbc, "alert-service:reminders")) {
                return;
            }
            Instant now = clock.instant();
            Instant renotifyBefore = now.minus(settings.renotifyEvery());
            for (AlertSnapshot alert : due(RENOTIFY_DUE, renotifyBefore)) {
                // Claimed with the same condition, so an alert acknowledged or resolved meanwhile gets nothing.
                if (claim("last_notified_at", alert, RENOTIFY_DUE, renotifyBefore, now)) {
                    lifecycle.record(alert, AlertTransition.RENOTIFIED, alert.value(), now, null, null);
                }
            }
            Instant escalateBefore = now.minus(settings.escalateAfter());
            for (AlertSnapshot alert : due(ESCALATE_DUE, escalateBefore)) {
                if (claim("escalated_at", alert, ESCALATE_DUE, escalateBefore, now)) {
                    lifecycle.record(alert, AlertTransition.ESCALATED, alert.value(), now, null, null);
                }
            }
        });
    }

    private boolean claim(String column, AlertSnapshot alert, String condition, Instant before, Instant now) {
        return jdbc.sql("UPDATE alerts SET " + column + " = ?, updated_at = now() WHERE alert_id = ? AND " + URGENT
                        + " AND " + condition)
                .params(Timestamp.from(now), alert.alertId(), Timestamp.from(before)).update() == 1;
    }

    private List<AlertSnapshot> due(String condition, Instant before) {
        return jdbc.sql("SELECT * FROM alerts WHERE " + URGENT + " AND " + condition + " ORDER BY opened_at LIMIT 500")
                .param(Timestamp.from(before)).query((rs, row) -> AlertRows.snapshot(rs)).list();
    }
}
