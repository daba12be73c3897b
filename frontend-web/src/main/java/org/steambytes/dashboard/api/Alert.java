package org.steambytes.dashboard.api;

import java.time.Instant;
import java.util.UUID;

/** An alert as frontend-api answers it. */
public record Alert(UUID alertId, String siteId, String sensorId, UUID ruleId, String kind, String state,
        String severity, Instant openedAt, Double value, Double limit, String message, Instant acknowledgedAt,
        String acknowledgedBy, Instant resolvedAt, Instant shelvedUntil, String shelveReason) {

    public boolean shelved() {
        return shelvedUntil != null;
    }
}
