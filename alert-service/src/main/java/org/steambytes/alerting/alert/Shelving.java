package org.steambytes.alerting.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.lock.JobLocks;
import org.steambytes.common.problem.ProblemException;

/**
 * Time-limited shelving (docs/DOMAIN.md "Alerting practice", ISA-18.2): an open or acknowledged alert is
 * hidden from e-mail until {@code shelved_until} (at most {@value #MAX_DAYS} days ahead) — no reminders,
 * no escalation, its acknowledgement and resolution recorded but not mailed — and comes back by itself
 * when that time passes (checked every {@code shelve-check}, one replica at a time). Who shelved it, until
 * when and why, and when it came back, are {@code alert_events} rows ({@code shelved}, {@code unshelved}).
 */
@Component
public class Shelving implements SchedulingConfigurer {

    static final int MAX_DAYS = 7;
    private static final String EXPIRED_NOTE = "shelving ran out";

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final AlertLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final Duration every;
    private final Clock clock;

    Shelving(JdbcClient jdbc, Alerts alerts, AlertLifecycle lifecycle, TransactionTemplate transactions,
            AlertingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.every = properties.notification().shelveCheck();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::unshelveExpired, every);
    }

    /**
     * Shelves the alert until {@code until}, or moves an existing shelving to the new time and reason.
     * Unknown: 404; resolved: 409 {@code alert_not_shelvable}; {@code until} not ahead or too far: 422.
     */
    @Transactional
    public AlertSnapshot shelve(UUID alertId, Instant until, String reason, String who) {
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            throw ProblemException.invalid("until", "must be in the future");
        }
        if (until.isAfter(now.plus(Duration.ofDays(MAX_DAYS)))) {
            throw ProblemException.invalid("until", "must be at most " + MAX_DAYS + " days ahead");
        }
        int updated = jdbc.sql("UPDATE alerts SET shelved_until = ?, shelve_reason = ?, updated_at = now()"
                        + " WHERE alert_id = ? AND state <> 'resolved'")
                .params(Timestamp.from(until), reason, alertId).update();
        AlertSnapshot alert = find(alertId);
        if (updated == 0) {
            throw ProblemException.of(HttpStatus.CONFLICT, "alert_not_shelvable", "Alert " + alertId + " is resolved.");
        }
        lifecycle.record(alert, AlertTransition.SHELVED, alert.value(), now, who, reason);
        return alert;
    }

    /** Ends the alert's shelving now. Unknown: 404; not shelved (or resolved): 409 {@code alert_not_shelved}. */
    @Transactional
    public AlertSnapshot unshelve(UUID alertId, String who) {
        Instant now = clock.instant();
        boolean unshelved = clear(alertId, "shelved_until > ?", now);
        AlertSnapshot alert = find(alertId);
        if (!unshelved) {
            throw ProblemException.of(HttpStatus.CONFLICT, "alert_not_shelved", "Alert " + alertId + " is not shelved.");
        }
        lifecycle.record(alert, AlertTransition.UNSHELVED, alert.value(), now, who, null);
        return alert;
    }

    /** Alerts whose shelving ran out come back (actor null: nobody unshelved them). */
    public void unshelveExpired() {
        transactions.executeWithoutResult(tx -> {
            if (!JobLocks.tryLock(jdbc, "alert-service:unshelve")) {
                return;
            }
            Instant now = clock.instant();
            List<UUID> expired = jdbc.sql("SELECT alert_id FROM alerts WHERE shelved_until <= ? AND state <> 'resolved'"
                            + " ORDER BY shelved_until LIMIT 500")
                    .param(Timestamp.from(now)).query(UUID.class).list();
            for (UUID alertId : expired) {
                if (clear(alertId, "shelved_until <= ?", now)) {
                    AlertSnapshot alert = find(alertId);
                    lifecycle.record(alert, AlertTransition.UNSHELVED, alert.value(), now, null, EXPIRED_NOTE);
                }
            }
        });
    }

    private boolean clear(UUID alertId, String condition, Instant now) {
        return jdbc.sql("UPDATE alerts SET shelved_until = NULL, shelve_reason = NULL, updated_at = now()"
                        + " WHERE alert_id = ? AND state <> 'resolved' AND " + condition)
                .params(alertId, Timestamp.from(now)).update() == 1;
    }

    private AlertSnapshot find(UUID alertId) {
        return alerts.find(alertId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "alert_not_found",
                "No alert " + alertId + "."));
    }
}
