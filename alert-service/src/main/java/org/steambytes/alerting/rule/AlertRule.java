package org.steambytes.alerting.rule;

import java.util.UUID;

/**
 * A rule as frontend-api stored it. {@code limit} is per hour for {@code rate_of_change};
 * {@code windowS} is the slope window (rate) or the minimum silence (no data); {@code samples} the
 * run of identical values that means frozen.
 */
public record AlertRule(UUID ruleId, String siteId, String sensorId, RuleKind kind, String operator, Double limit,
        double deadband, int delayS, Integer windowS, Integer samples, String severity, String name) {

    public static final int DEFAULT_RATE_WINDOW_S = 600;
    public static final int DEFAULT_FROZEN_SAMPLES = 10;

    public boolean above() {
        return "above".equals(operator);
    }

    public int rateWindowS() {
        return windowS == null ? DEFAULT_RATE_WINDOW_S : windowS;
    }

    public int frozenSamples() {
        return samples == null ? DEFAULT_FROZEN_SAMPLES : samples;
    }

    /** The key of this rule's state for its sensor. */
    public String stateKey() {
        return stateKey(ruleId, sensorId);
    }

    /** The key of a rule's state for one sensor. */
    public static String stateKey(Object ruleId, String sensorId) {
        return ruleId + ":" + (sensorId == null ? "" : sensorId);
    }
}
