package org.steambytes.alerting.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.alert.AlertRows;
import org.steambytes.alerting.alert.AlertSnapshot;

/**
 * Unacknowledged critical and high alerts: re-notified every {@code renotify-every} (default 15 min)
 * and, once, escalated to the site's escalation e-mails after {@code escalate-after}. Each reminder is
 * an {@code alert_events} row and an outbox message in one transaction; one replica at a time.
 */
@Component
public class Reminders {

    private static final String URGENT = "state = 'open' AND severity IN ('critical', 'high')";

    private final JdbcClient jdbc;
    private final AlertLifecycle lifecycle;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final AlertingProperties.Notification settings;
    private final Clock clock;

    Reminders(JdbcClient jdbc, AlertLifecycle lifecycle, Notifications notifications, TransactionTemplate transactions,
            AlertingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.notifications = notifications;
        this.transactions = transactions;
        this.settings = properties.notification();
        this.clock = clock;
    }

    public void remind() {
        transactions.executeWithoutResult(tx -> {
            if (!JobLocks.tryLock(jdbc, "alert-service:reminders")) {
                return;
            }
            Instant now = clock.instant();
            for (AlertSnapshot alert : due("coalesce(last_notified_at, opened_at) <= ?", now.minus(settings.renotifyEvery()))) {
                long event = lifecycle.event(alert.alertId(), "renotified", alert.value(), now, null, null);
                notifications.reminder(alert, "renotified", event);
                jdbc.sql("UPDATE alerts SET last_notified_at = ?, updated_at = now() WHERE alert_id = ?")
                        .params(Timestamp.from(now), alert.alertId()).update();
            }
            for (AlertSnapshot alert : due("escalated_at IS NULL AND opened_at <= ?", now.minus(settings.escalateAfter()))) {
                long event = lifecycle.event(alert.alertId(), "escalated", alert.value(), now, null, null);
                notifications.reminder(alert, "escalated", event);
                jdbc.sql("UPDATE alerts SET escalated_at = ?, updated_at = now() WHERE alert_id = ?")
                        .params(Timestamp.from(now), alert.alertId()).update();
            }
        });
    }

    private List<AlertSnapshot> due(String condition, Instant before) {
        return jdbc.sql("SELECT * FROM alerts WHERE " + URGENT + " AND " + condition + " ORDER BY opened_at LIMIT 500")
                .param(Timestamp.from(before)).query((rs, row) -> AlertRows.snapshot(rs)).list();
    }
}
