package org.steambytes.alerting.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.alerting.notification.Notifications;
import org.steambytes.common.problem.ProblemException;

/**
 * The alert lifecycle in PostgreSQL: open → acknowledged → resolved. Every transition is a
 * conditional update (or an insert the unique indexes guard), so repeating one — a re-delivered
 * reading, two replicas — changes nothing the second time; each real transition records an
 * {@code alert_events} row with the value and time that caused it and queues its e-mail in the
 * outbox, in the same transaction.
 */
@Component
public class AlertLifecycle {

    /** What opens an alert: its rule (null for site lost), the sensor, and the reading that did it. */
    public record Opening(UUID ruleId, String siteId, String sensorId, String kind, String severity, Double value,
            Double limit, String message, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;

    AlertLifecycle(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    /**
     * Opens the alert unless one is active for the rule and sensor (or the site, for site lost); returns
     * the active one's id. Empty when the rule was disabled or deleted meanwhile: a replica's rule cache
     * may be up to 5 s old, and the rule's row decides.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> open(Opening opening) {
        UUID alertId = UUID.randomUUID();
        Object[] values = {alertId, opening.siteId(), opening.sensorId(), opening.ruleId(), opening.kind(),
                opening.severity(), opening.value(), opening.limit(), opening.message(), Timestamp.from(opening.at())};
        String insert = "INSERT INTO alerts (alert_id, site_id, sensor_id, rule_id, kind, state, severity, value,"
                + " limit_value, message, opened_at, last_notified_at, updated_at)"
                + " SELECT ?::uuid, ?::varchar, ?::varchar, ?::uuid, ?::varchar, 'open', ?::varchar, ?::float8, ?::float8,"
                + " ?::text, ?::timestamptz, now(), now()";
        int inserted = opening.ruleId() == null
                ? jdbc.sql(insert + " ON CONFLICT DO NOTHING").params(values).update()
                : jdbc.sql(insert + " WHERE EXISTS (SELECT 1 FROM alert_rules WHERE rule_id = ? AND enabled)"
                        + " ON CONFLICT DO NOTHING").params(values).param(opening.ruleId()).update();
        if (inserted == 0) {
            Optional<UUID> active = activeId(opening);
            if (active.isEmpty() && opening.ruleId() != null && !ruleEnabled(opening.ruleId())) {
                return Optional.empty();
            }
            return Optional.of(active.orElseThrow(() -> new IllegalStateException(
                    "alert for " + opening + " neither inserted nor active")));
        }
        long event = event(alertId, "opened", opening.value(), opening.at(), null, null);
        notifications.transition(find(alertId).orElseThrow(), "opened", event, opening.value(), opening.at(), null, null);
        return Optional.of(alertId);
    }

    private boolean ruleEnabled(UUID ruleId) {
        return jdbc.sql("SELECT count(*) FROM alert_rules WHERE rule_id = ? AND enabled").param(ruleId)
                .query(Long.class).single() > 0;
    }

    /**
     * Resolves an active alert; false if it was resolved already. Never before it opened: a no-data or
     * site-lost alert opens when the silence is noticed, and a gateway's buffered readings that end it
     * may carry older times.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean resolve(UUID alertId, Double value, Instant reportedAt) {
        Optional<Timestamp> resolvedAt = jdbc.sql("UPDATE alerts SET state = 'resolved',"
                        + " resolved_at = greatest(?::timestamptz, opened_at), updated_at = now()"
                        + " WHERE alert_id = ? AND state <> 'resolved' RETURNING resolved_at")
                .params(Timestamp.from(reportedAt), alertId).query(Timestamp.class).optional();
        if (resolvedAt.isEmpty()) {
            return false;
        }
        Instant at = resolvedAt.get().toInstant();
        long event = event(alertId, "resolved", value, at, null, null);
        notifications.transition(find(alertId).orElseThrow(), "resolved", event, value, at, null, null);
        return true;
    }

    /**
     * Acknowledges an open alert. Already acknowledged: answered as it is (nothing recorded twice).
     * Unknown: 404; resolved: 409.
     */
    @Transactional
    public AlertSnapshot acknowledge(UUID alertId, String who, String note, Instant at) {
        int updated = jdbc.sql("UPDATE alerts SET state = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?,"
                        + " acknowledgement_note = ?, updated_at = now() WHERE alert_id = ? AND state = 'open'")
                .params(Timestamp.from(at), who, note, alertId).update();
        AlertSnapshot alert = find(alertId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "alert_not_found",
                "No alert " + alertId + "."));
        if (updated == 1) {
            long event = event(alertId, "acknowledged", alert.value(), at, who, note);
            notifications.transition(alert, "acknowledged", event, alert.value(), at, who, note);
        } else if ("resolved".equals(alert.state())) {
            throw ProblemException.of(HttpStatus.CONFLICT, "alert_not_acknowledgeable",
                    "Alert " + alertId + " is resolved already.");
        }
        return alert;
    }

    /** Active alerts of the site whose rule was deleted, disabled or moved to another sensor or kind: nothing would resolve them otherwise. */
    public List<AlertSnapshot> orphans(String siteId) {
        return jdbc.sql("SELECT a.* FROM alerts a LEFT JOIN alert_rules r ON r.rule_id = a.rule_id WHERE a.site_id = ?"
                        + " AND a.state <> 'resolved' AND a.kind <> 'site_lost' AND (a.rule_id IS NULL OR NOT r.enabled"
                        + " OR a.kind <> r.kind OR a.sensor_id IS DISTINCT FROM r.sensor_id)")
                .param(siteId).query((rs, row) -> AlertRows.snapshot(rs)).list();
    }

    public Optional<AlertSnapshot> find(UUID alertId) {
        return jdbc.sql("SELECT * FROM alerts WHERE alert_id = ?").param(alertId)
                .query((rs, row) -> AlertRows.snapshot(rs)).optional();
    }

    /** Records a transition; returns the event's id (part of the e-mail's Message-ID). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long event(UUID alertId, String transition, Double value, Instant at, String actor, String note) {
        return jdbc.sql("INSERT INTO alert_events (alert_id, transition, value, occurred_at, actor, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(alertId, transition, value, Timestamp.from(at), actor, note)
                .query(Long.class).single();
    }

    private Optional<UUID> activeId(Opening opening) {
        if (opening.ruleId() == null) {
            return jdbc.sql("SELECT alert_id FROM alerts WHERE site_id = ? AND kind = 'site_lost' AND state <> 'resolved'")
                    .param(opening.siteId()).query(UUID.class).optional();
        }
        return jdbc.sql("SELECT alert_id FROM alerts WHERE rule_id = ? AND coalesce(sensor_id, '') = coalesce(?, '')"
                        + " AND state <> 'resolved'")
                .params(opening.ruleId(), opening.sensorId()).query(UUID.class).optional();
    }
}
