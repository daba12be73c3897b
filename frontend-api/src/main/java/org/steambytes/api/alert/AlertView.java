package org.steambytes.api.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as integrators read it (alert-service owns the rows). {@code shelvedUntil}: no e-mail goes
 * out for it until then (its state stays open or acknowledged); null when not shelved.
 */
public record AlertView(UUID alertId, String siteId, String sensorId, UUID ruleId, String kind, String state,
        String severity, Instant openedAt, Double value, Double limit, String message, Instant acknowledgedAt,
        String acknowledgedBy, Instant resolvedAt, Instant shelvedUntil, String shelveReason) {
}
