package org.steambytes.alerting.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steambytes.common.alert.OpenAlertsDocument;
import org.steambytes.common.alert.OpenAlertsDocument.OpenAlert;

/**
 * What the rest of the service may read of the {@code alerts} table (this package owns and alone
 * writes it): single alerts, the active ones a rebuilt site state starts from, orphans, and what a
 * flood is counted from.
 */
@Component
public class Alerts {

    /** A rule's alerts for one sensor: the newest reading that opened or resolved one, and the active one if any. */
    public record Judged(String ruleId, String sensorId, Instant judgedUntil, String activeId) {
    }

    /** An active alert as a site's state remembers it. */
    public record Active(String alertId, String ruleId, String sensorId, String kind) {
    }

    private final JdbcClient jdbc;

    Alerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AlertSnapshot> find(UUID alertId) {
        return jdbc.sql("SELECT * FROM alerts WHERE alert_id = ?").param(alertId)
                .query((rs, row) -> AlertRows.snapshot(rs)).optional();
    }

    /** The active alert of a rule for a sensor (null for a site-level rule). */
    public Optional<AlertSnapshot> active(UUID ruleId, String sensorId) {
        return jdbc.sql("SELECT * FROM alerts WHERE rule_id = ? AND coalesce(sensor_id, '') = coalesce(?, '')"
                        + " AND state <> 'resolved'")
                .params(ruleId, sensorId).query((rs, row) -> AlertRows.snapshot(rs)).optional();
    }

    /** Every active alert of a kind, across sites. */
    public List<AlertSnapshot> activeOfKind(String kind) {
        return jdbc.sql("SELECT * FROM alerts WHERE kind = ? AND state <> 'resolved' ORDER BY opened_at")
                .param(kind).query((rs, row) -> AlertRows.snapshot(rs)).list();
    }

    /**
     * The site's non-resolved alerts, newest first, with the site's version ({@link SiteVersions}; 0 before
     * its first change): one statement, so one snapshot — the alerts are exactly those of that version.
     */
    public OpenAlertsDocument openDocument(String siteId) {
        List<Object[]> rows = jdbc.sql("SELECT v.version, a.alert_id, a.site_id, a.sensor_id, a.rule_id, a.kind, a.state,"
                        + " a.severity, a.opened_at, a.value, a.limit_value, a.message, a.acknowledged_at, a.acknowledged_by,"
                        + " a.resolved_at, a.shelved_until, a.shelve_reason"
                        + " FROM (SELECT coalesce((SELECT version FROM alert_site_versions WHERE site_id = ?), 0) AS version) v"
                        + " LEFT JOIN alerts a ON a.site_id = ? AND a.state <> 'resolved'"
                        + " ORDER BY a.opened_at DESC, a.alert_id")
                .params(siteId, siteId)
                .query((rs, row) -> new Object[] {rs.getLong("version"), rs.getObject("alert_id", UUID.class) == null
                        ? null : openAlert(rs)})
                .list();
        List<OpenAlert> open = rows.stream().map(row -> (OpenAlert) row[1]).filter(alert -> alert != null).toList();
        return new OpenAlertsDocument((Long) rows.get(0)[0], siteId, open);
    }

    private static OpenAlert openAlert(ResultSet rs) throws SQLException {
        return new OpenAlert(rs.getObject("alert_id", UUID.class), rs.getString("site_id"), rs.getString("sensor_id"),
                rs.getObject("rule_id", UUID.class), rs.getString("kind"), rs.getString("state"), rs.getString("severity"),
                instant(rs, "opened_at"), (Double) rs.getObject("value"), (Double) rs.getObject("limit_value"),
                rs.getString("message"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                instant(rs, "resolved_at"), instant(rs, "shelved_until"), rs.getString("shelve_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    public List<String> sitesWithActiveAlerts() {
        return jdbc.sql("SELECT DISTINCT site_id FROM alerts WHERE state <> 'resolved'").query(String.class).list();
    }

    /** Per rule and sensor of the given kinds: when its alerts last opened or resolved, and the active one. */
    public List<Judged> judged(String siteId, Collection<String> kinds) {
        return jdbc.sql("SELECT a.rule_id, a.sensor_id, max(e.occurred_at) AS judged_until,"
                        + " (array_agg(a.alert_id::text) FILTER (WHERE a.state <> 'resolved'))[1] AS active_id"
                        + " FROM alerts a JOIN alert_events e ON e.alert_id = a.alert_id AND e.transition IN (?, ?)"
                        + " WHERE a.site_id = ? AND a.rule_id IS NOT NULL AND a.kind = ANY(?)"
                        + " GROUP BY a.rule_id, a.sensor_id")
                .params(AlertTransition.OPENED.wireName(), AlertTransition.RESOLVED.wireName(), siteId,
                        kinds.toArray(String[]::new))
                .query((rs, row) -> new Judged(rs.getString("rule_id"), rs.getString("sensor_id"),
                        rs.getTimestamp("judged_until").toInstant(), rs.getString("active_id")))
                .list();
    }

    /** The site's active alerts of any kind but the given ones (site lost included). */
    public List<Active> activeExcept(String siteId, Collection<String> kinds) {
        return jdbc.sql("SELECT alert_id, rule_id, sensor_id, kind FROM alerts WHERE site_id = ? AND state <> 'resolved'"
                        + " AND NOT (kind = ANY(?))")
                .params(siteId, kinds.toArray(String[]::new))
                .query((rs, row) -> new Active(rs.getString("alert_id"), rs.getString("rule_id"),
                        rs.getString("sensor_id"), rs.getString("kind")))
                .list();
    }

    /** Active alerts of the site whose rule was deleted, disabled or moved to another sensor or kind: nothing would resolve them otherwise. */
    public List<AlertSnapshot> orphans(String siteId) {
        return jdbc.sql("SELECT a.* FROM alerts a LEFT JOIN alert_rules r ON r.rule_id = a.rule_id WHERE a.site_id = ?"
                        + " AND a.state <> 'resolved' AND a.kind <> ? AND (a.rule_id IS NULL OR NOT r.enabled"
                        + " OR a.kind <> r.kind OR a.sensor_id IS DISTINCT FROM r.sensor_id)")
                .params(siteId, AlertSnapshot.SITE_LOST).query((rs, row) -> AlertRows.snapshot(rs)).list();
    }

    /** How many alerts opened at the site since {@code since} (recorded time). */
    public long openedSince(String siteId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM alert_events e JOIN alerts a ON a.alert_id = e.alert_id"
                        + " WHERE a.site_id = ? AND e.transition = ? AND e.recorded_at > ?")
                .params(siteId, AlertTransition.OPENED.wireName(), Timestamp.from(since)).query(Long.class).single();
    }

    /** The first alert opened at the site since {@code since} (recorded time). */
    public Optional<AlertSnapshot> firstOpenedSince(String siteId, Instant since) {
        return jdbc.sql("SELECT a.* FROM alert_events e JOIN alerts a ON a.alert_id = e.alert_id"
                        + " WHERE a.site_id = ? AND e.transition = ? AND e.recorded_at > ? ORDER BY e.id LIMIT 1")
                .params(siteId, AlertTransition.OPENED.wireName(), Timestamp.from(since))
                .query((rs, row) -> AlertRows.snapshot(rs)).optional();
    }
}
