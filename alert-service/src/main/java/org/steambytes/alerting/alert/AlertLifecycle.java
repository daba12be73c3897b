package org.steambytes.alerting.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.common.alert.Severity;
import org.steambytes.common.problem.ProblemException;

/**
 * The alert lifecycle in PostgreSQL: open → acknowledged → resolved. Every transition is a
 * conditional update (or an insert the unique indexes guard), so repeating one — a re-delivered
 * reading, two replicas — changes nothing the second time; each real transition records an
 * {@code alert_events} row with the value and time that caused it and publishes
 * {@link AlertTransitioned} in the same transaction (the e-mail outbox handles it there, so the
 * transition and its e-mail commit together) and raises the site's version ({@link SiteVersions}) before
 * the commit. This package alone writes the {@code alerts} table.
 */
@Component
public class AlertLifecycle {

    /** What opens an alert: its rule (null for site lost), the sensor, and the reading that did it. */
    public record Opening(UUID ruleId, String siteId, String sensorId, String kind, Severity severity, Double value,
            Double limit, String message, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final ApplicationEventPublisher events;
    private final SiteVersions versions;
    private final Clock clock;

    AlertLifecycle(JdbcClient jdbc, Alerts alerts, ApplicationEventPublisher events, SiteVersions versions, Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.events = events;
        this.versions = versions;
        this.clock = clock;
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
                opening.severity().wireName(), opening.value(), opening.limit(), opening.message(), Timestamp.from(opening.at())};
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
        record(alerts.find(alertId).orElseThrow(), AlertTransition.OPENED, opening.value(), opening.at(), null, null);
        return Optional.of(alertId);
    }

    private boolean ruleEnabled(UUID ruleId) {
        return jdbc.sql("SELECT count(*) FROM alert_rules WHERE rule_id = ? AND enabled").param(ruleId)
                .query(Long.class).single() > 0;
    }

    private record Resolution(Instant at, boolean wasShelved) {
    }

    /**
     * Resolves an active alert; false if it was resolved already. Never before it opened: a no-data or
     * site-lost alert opens when the silence is noticed, and a gateway's buffered readings that end it
     * may carry older times. A shelved alert's shelving ends with it (its resolution is recorded, not mailed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean resolve(UUID alertId, Double value, Instant reportedAt) {
        Optional<Resolution> resolution = jdbc.sql("WITH before AS (SELECT alert_id, shelved_until FROM alerts"
                        + " WHERE alert_id = ? AND state <> 'resolved' FOR UPDATE)"
                        + " UPDATE alerts a SET state = 'resolved', resolved_at = greatest(?::timestamptz, a.opened_at),"
                        + " shelved_until = NULL, shelve_reason = NULL, updated_at = now() FROM before"
                        + " WHERE a.alert_id = before.alert_id RETURNING a.resolved_at, before.shelved_until > ? AS was_shelved")
                .params(alertId, Timestamp.from(reportedAt), Timestamp.from(clock.instant()))
                .query((rs, row) -> new Resolution(rs.getTimestamp("resolved_at").toInstant(), rs.getBoolean("was_shelved")))
                .optional();
        if (resolution.isEmpty()) {
            return false;
        }
        record(alerts.find(alertId).orElseThrow(), AlertTransition.RESOLVED, value, resolution.get().at(), null, null,
                resolution.get().wasShelved());
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
        AlertSnapshot alert = alerts.find(alertId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "alert_not_found",
                "No alert " + alertId + "."));
        if (updated == 1) {
            record(alert, AlertTransition.ACKNOWLEDGED, alert.value(), at, who, note);
        } else if (alert.resolved()) {
            throw ProblemException.of(HttpStatus.CONFLICT, "alert_not_acknowledgeable",
                    "Alert " + alertId + " is resolved already.");
        }
        return alert;
    }

    /**
     * Records a transition or reminder as an {@code alert_events} row and publishes it, in the caller's
     * transaction; the event's id is part of the e-mail's Message-ID.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(AlertSnapshot alert, AlertTransition transition, Double value, Instant at, String actor, String note) {
        record(alert, transition, value, at, actor, note, alert.shelvedAt(clock.instant()));
    }

    private void record(AlertSnapshot alert, AlertTransition transition, Double value, Instant at, String actor,
            String note, boolean shelved) {
        long eventId = jdbc.sql("INSERT INTO alert_events (alert_id, transition, value, occurred_at, actor, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(alert.alertId(), transition.wireName(), value, Timestamp.from(at), actor, note)
                .query(Long.class).single();
        versions.touched(alert.siteId());
        events.publishEvent(new AlertTransitioned(alert, transition, eventId, value, at, actor, note, shelved));
    }

    private Optional<UUID> activeId(Opening opening) {
        if (opening.ruleId() == null) {
            return jdbc.sql("SELECT alert_id FROM alerts WHERE site_id = ? AND kind = ? AND state <> 'resolved'")
                    .params(opening.siteId(), AlertSnapshot.SITE_LOST).query(UUID.class).optional();
        }
        return jdbc.sql("SELECT alert_id FROM alerts WHERE rule_id = ? AND coalesce(sensor_id, '') = coalesce(?, '')"
                        + " AND state <> 'resolved'")
                .params(opening.ruleId(), opening.sensorId()).query(UUID.class).optional();
    }
}
