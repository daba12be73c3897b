package org.steambytes.alerting.notification;

import java.util.Locale;

/** What an outbox message is ({@code notification_outbox.kind}). */
enum OutboxKind {
    /** An alert opened, was acknowledged or resolved. */
    TRANSITION,
    /** An unacknowledged urgent alert, again to the notification e-mails. */
    RENOTIFY,
    /** An unacknowledged urgent alert, to the escalation e-mails. */
    ESCALATION,
    /** One e-mail for a site in an alert flood. */
    FLOOD_SUMMARY,
    /** The site's low-priority alert changes, together. */
    DIGEST;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
