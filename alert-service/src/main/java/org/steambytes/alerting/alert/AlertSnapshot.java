package org.steambytes.alerting.alert;

import java.time.Instant;
import java.util.UUID;

/** An alert as e-mails and the internal API show it. */
public record AlertSnapshot(UUID alertId, String siteId, String sensorId, UUID ruleId, String kind, String state,
        String severity, Double value, Double limit, String message, Instant openedAt, Instant acknowledgedAt,
        String acknowledgedBy, Instant resolvedAt) {
}
