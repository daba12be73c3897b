package org.steambytes.alerting.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Reads an {@code alerts} row. */
public final class AlertRows {

    private AlertRows() {
    }

    public static AlertSnapshot snapshot(ResultSet rs) throws SQLException {
        return new AlertSnapshot(rs.getObject("alert_id", UUID.class), rs.getString("site_id"), rs.getString("sensor_id"),
                rs.getObject("rule_id", UUID.class), rs.getString("kind"), rs.getString("state"),
                rs.getString("severity"), (Double) rs.getObject("value"), (Double) rs.getObject("limit_value"),
                rs.getString("message"), instant(rs, "opened_at"), instant(rs, "acknowledged_at"),
                rs.getString("acknowledged_by"), instant(rs, "resolved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
