package org.steambytes.api.alertrule;

/** A rule as a client sent it: anything may be missing or wrong until {@link RuleValidator} has looked at it. */
public record RuleDraft(String kind, String sensorId, String operator, Double limit, Double deadband, Integer delayS,
        Integer windowS, Integer samples, String severity, Boolean enabled, String name, String detector,
        Integer clearAfterS, Double floorPct, String method) {
}
