package org.steambytes.api.alertrule;

/** A complete, validated rule with every default filled in. */
public record RuleSpec(String sensorId, String kind, String operator, Double limit, double deadband, int delayS,
        Integer windowS, Integer samples, String severity, boolean enabled, String name, String detector,
        Integer clearAfterS, Double floorPct, String method) {
}
