package org.steambytes.dashboard;

import java.time.Instant;
import java.util.UUID;
import org.steambytes.testsupport.Fixtures;

/**
 * Alerts written straight into the run's database as alert-service records them: the row and its
 * "opened" event. They have no rule: the in-process alert-service's silence watch (which resolves
 * such orphans) runs only at its start ({@link InProcessFrontendApi}).
 */
public final class AlertsFixture {

    private AlertsFixture() {
    }

    /** A new alert of the site's steam-pressure sensor, opened at {@code openedAt}. */
    public static UUID alert(String siteId, String state, String severity, String message, Instant openedAt) {
        UUID id = UUID.randomUUID();
        String resolvedAt = "resolved".equals(state) ? "'" + openedAt.plusSeconds(60) + "'" : "NULL";
        String acknowledgedAt = "acknowledged".equals(state) ? "'" + openedAt.plusSeconds(30) + "'" : "NULL";
        String acknowledgedBy = "acknowledged".equals(state) ? "'user:someone'" : "NULL";
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, sensor_id, kind, state, severity, message, opened_at,"
                + " resolved_at, acknowledged_at, acknowledged_by) VALUES ('" + id + "', '" + siteId
                + "', 'b1-steam-pressure', 'threshold', '" + state + "', '" + severity + "', '" + message + "', '"
                + openedAt + "', " + resolvedAt + ", " + acknowledgedAt + ", " + acknowledgedBy + ")");
        Fixtures.execute("INSERT INTO alert_events (alert_id, transition, occurred_at) VALUES ('" + id + "', 'opened', '"
                + openedAt + "')");
        return id;
    }

    public static UUID alert(String siteId, String state, String severity, String message) {
        return alert(siteId, state, severity, message, Instant.now());
    }
}
