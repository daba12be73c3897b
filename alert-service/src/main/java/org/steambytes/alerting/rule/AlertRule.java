package org.steambytes.alerting.rule;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.alert.Severity;

/**
 * A rule as frontend-api stored it. {@code limit} is per hour for {@code rate_of_change};
 * {@code windowS} is the slope window (rate) or the minimum silence (no data); {@code samples} the
 * run of identical values that means frozen.
 */
public record AlertRule(UUID ruleId, String siteId, String sensorId, RuleKind kind, String operator, Double limit,
        double deadband, int delayS, Integer windowS, Integer samples, Severity severity, String name) {

    public static final int DEFAULT_RATE_WINDOW_S = 600;
    public static final int DEFAULT_FROZEN_SAMPLES = 10;
    /** Kinds judged on each reading of their sensor (no data by the silence watch; anomaly and efficiency drop not here yet). */
    public static final Set<RuleKind> PER_READING = EnumSet.of(RuleKind.THRESHOLD, RuleKind.RATE_OF_CHANGE,
            RuleKind.FROZEN);

    public boolean perReading() {
        return PER_READING.contains(kind);
    }

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
