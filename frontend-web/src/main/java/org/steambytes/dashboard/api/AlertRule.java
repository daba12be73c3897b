package org.steambytes.dashboard.api;

import java.util.UUID;

/** An alert rule (the fields the charts and tiles use: a threshold's operator and limit). */
public record AlertRule(UUID ruleId, String sensorId, String kind, String operator, Double limit, String severity,
        boolean enabled, String name) {

    public boolean isThreshold() {
        return enabled && "threshold".equals(kind) && limit != null && operator != null;
    }
}
