package org.steambytes.api.alertrule;

import java.time.Instant;
import java.util.UUID;

/** A rule as integrators read it, with the defaults that were filled in. */
public record AlertRuleView(UUID ruleId, String siteId, String sensorId, String kind, String operator, Double limit,
        double deadband, int delayS, Integer windowS, Integer samples, String severity, boolean enabled, String name,
        Instant createdAt, Instant updatedAt) {
}
