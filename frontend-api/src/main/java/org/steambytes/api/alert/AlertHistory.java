package org.steambytes.api.alert;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;

/**
 * An alert's history, oldest first: its transitions from alert-service's {@code alert_events} and the
 * e-mails about it from its {@code notification_outbox} (sent, or kept back and why). Read fresh on every
 * request: alert-service writes both.
 */
@Service
public class AlertHistory {

    /** More than that is a sign of something wrong (15-minute reminders for 10 days); the rest is cut off. */
    static final int MAX_ENTRIES = 1000;

    /**
     * The alert's history; {@code truncated} when it had more than {@value #MAX_ENTRIES} entries. Not named
     * History: OpenAPI schemas are named by simple class name, and the readings' history has that one.
     */
    public record AlertTimeline(UUID alertId, String siteId, List<AlertEventView> events, boolean truncated) {
    }

    private final Alerts alerts;
    private final JdbcTemplate jdbc;

    AlertHistory(Alerts alerts, JdbcTemplate jdbc) {
        this.alerts = alerts;
        this.jdbc = jdbc;
    }

    /** 404 {@code alert_not_found} for an alert outside the caller's sites, as for the alert itself. */
    public AlertTimeline of(ApiCaller caller, UUID alertId) {
        AlertView alert = alerts.get(caller, alertId);
        List<AlertEventView> entries = new ArrayList<>(jdbc.query("SELECT transition, occurred_at, actor, note, value"
                + " FROM alert_events WHERE alert_id = ? ORDER BY occurred_at, id LIMIT ?", (rs, row) -> new AlertEventView(
                rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                (Double) rs.getObject(5), null, null, null, null), alertId, MAX_ENTRIES + 1));
        entries.addAll(jdbc.query("SELECT sent_at, created_at, suppressed_reason, kind, subject, recipients"
                + " FROM notification_outbox WHERE alert_id = ? AND (sent_at IS NOT NULL OR suppressed_reason IS NOT NULL)"
                + " ORDER BY coalesce(sent_at, created_at), id LIMIT ?", (rs, row) -> {
                    Timestamp sent = rs.getTimestamp(1);
                    return new AlertEventView(sent != null ? "emailed" : "email_suppressed",
                            (sent != null ? sent : rs.getTimestamp(2)).toInstant(), null, null, null, rs.getString(4),
                            rs.getString(5), recipients(rs.getArray(6)), sent != null ? null : rs.getString(3));
                }, alertId, MAX_ENTRIES + 1));
        // Stable: at one instant a transition comes before the e-mail about it.
        entries.sort(Comparator.comparing(AlertEventView::at));
        boolean truncated = entries.size() > MAX_ENTRIES;
        return new AlertTimeline(alertId, alert.siteId(), truncated ? List.copyOf(entries.subList(0, MAX_ENTRIES))
                : List.copyOf(entries), truncated);
    }

    private static List<String> recipients(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
