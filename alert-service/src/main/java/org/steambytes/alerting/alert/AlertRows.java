package org.steambytes.alerting.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.steambytes.common.alert.Severity;

/** Reads an {@code alerts} row. */
final class AlertRows {

    private AlertRows() {
    }

    static AlertSnapshot snapshot(ResultSet rs) throws SQLException {
        return new AlertSnapshot(rs.getObject("alert_id", UUID.class), rs.getString("site_id"), rs.getString("sensor_id"),
                rs.getObject("rule_id", UUID.class), rs.getString("kind"), rs.getString("state"),
                Severity.of(rs.getString("severity")), (Double) rs.getObject("value"), (Double) rs.getObject("limit_value"),
                rs.getString("message"), instant(rs, "opened_at"), instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"), instant(rs, "resolved_at"), instant(rs, "shelved_until"),
                rs.getString("shelve_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
