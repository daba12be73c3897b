package org.steambytes.api.alertrule;

import java.time.Instant;
import java.util.UUID;

/**
 * A rule as integrators read it, with the defaults that were filled in. {@code detector} and
 * {@code clearAfterS} belong to {@code anomaly} rules, {@code floorPct} and {@code method} to
 * {@code efficiency_drop} rules; null elsewhere.
 */
public record AlertRuleView(UUID ruleId, String siteId, String sensorId, String kind, String operator, Double limit,
        double deadband, int delayS, Integer windowS, Integer samples, String severity, boolean enabled, String name,
        String detector, Integer clearAfterS, Double floorPct, String method, Instant createdAt, Instant updatedAt) {
}
