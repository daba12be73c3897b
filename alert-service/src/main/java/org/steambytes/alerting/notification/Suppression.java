package org.steambytes.alerting.notification;

import java.util.Locale;

/** Why an outbox message is kept but not sent ({@code notification_outbox.suppressed_reason}). */
enum Suppression {
    /** The site was in a maintenance window. */
    MAINTENANCE,
    /** The site was in an alert flood: the summary speaks for it. */
    FLOOD,
    /** The alert was shelved: recorded, not sent. */
    SHELVED,
    /** The site has nobody to tell. */
    NO_RECIPIENTS,
    /** A low-priority transition waiting for the site's digest (spelled {@code digest}). */
    DIGEST_WAITING("digest"),
    /** A low-priority transition that went out in a digest. */
    DIGESTED,
    /** Refused for good by the SMTP server, or broken: set aside so it cannot block the outbox. */
    UNDELIVERABLE;

    private final String wireName;

    Suppression() {
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    Suppression(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }
}
