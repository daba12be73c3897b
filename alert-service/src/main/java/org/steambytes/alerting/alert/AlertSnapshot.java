package org.steambytes.alerting.alert;

import java.time.Instant;
import java.util.UUID;
import org.steambytes.common.alert.Severity;

/** An alert as e-mails and the internal API show it. {@code kind} is a rule kind or {@value #SITE_LOST}. */
public record AlertSnapshot(UUID alertId, String siteId, String sensorId, UUID ruleId, String kind, String state,
        Severity severity, Double value, Double limit, String message, Instant openedAt, Instant acknowledgedAt,
        String acknowledgedBy, Instant resolvedAt) {

    /** The kind of the one alert a site has while all its sensors are silent (no rule behind it). */
    public static final String SITE_LOST = "site_lost";

    /** In the state {@code resolved} (the others: {@code open}, {@code acknowledged}). */
    public boolean resolved() {
        return "resolved".equals(state);
    }
}
