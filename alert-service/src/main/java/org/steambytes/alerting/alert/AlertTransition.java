package org.steambytes.alerting.alert;

import java.util.Locale;

/**
 * What happened to an alert, as {@code alert_events.transition} records it: the lifecycle's
 * transitions (opened, acknowledged, resolved), the reminders of an unacknowledged alert
 * (renotified, escalated), and its shelving (shelved, unshelved: the state stays what it was).
 */
public enum AlertTransition {
    OPENED, ACKNOWLEDGED, RESOLVED, RENOTIFIED, ESCALATED, SHELVED, UNSHELVED;

    /** As the database and e-mails spell it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A reminder, not a change of state. */
    public boolean reminder() {
        return this == RENOTIFIED || this == ESCALATED;
    }

    /** Shelved or unshelved: recorded, never mailed. */
    public boolean shelving() {
        return this == SHELVED || this == UNSHELVED;
    }
}
