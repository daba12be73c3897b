package org.steambytes.api.alert;

import java.time.Instant;
import java.util.UUID;

/** An alert as integrators read it (alert-service owns the rows). */
public record AlertView(UUID alertId, String siteId, String sensorId, UUID ruleId, String kind, String state,
        String severity, Instant openedAt, Double value, Double limit, String message, Instant acknowledgedAt,
        String acknowledgedBy, Instant resolvedAt) {
}
