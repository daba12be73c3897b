package org.steambytes.alerting.alert;

import java.time.Instant;
import java.util.UUID;
import org.steambytes.common.alert.Severity;

/**
 * An alert as e-mails and the internal API show it. {@code kind} is a rule kind or {@value #SITE_LOST}.
 * {@code shelvedUntil} and {@code shelveReason}: while shelved (ISA-18.2), no e-mail goes out for it; null
 * when it is not shelved.
 */
public record AlertSnapshot(UUID alertId, String siteId, String sensorId, UUID ruleId, String kind, String state,
        Severity severity, Double value, Double limit, String message, Instant openedAt, Instant acknowledgedAt,
        String acknowledgedBy, Instant resolvedAt, Instant shelvedUntil, String shelveReason) {

    /** The kind of the one alert a site has while all its sensors are silent (no rule behind it). */
    public static final String SITE_LOST = "site_lost";

    /** In the state {@code resolved} (the others: {@code open}, {@code acknowledged}). */
    public boolean resolved() {
        return "resolved".equals(state);
    }

    /** Shelved at {@code now}: its shelving has not run out yet. */
    public boolean shelvedAt(Instant now) {
        return shelvedUntil != null && shelvedUntil.isAfter(now);
    }
}
