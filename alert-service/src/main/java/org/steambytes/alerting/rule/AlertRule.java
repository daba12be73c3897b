package org.steambytes.alerting.rule;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.alert.Severity;

/**
 * A rule as frontend-api stored it. {@code limit} is per hour for {@code rate_of_change} and the drop in
 * points below the 7-day median for {@code efficiency_drop}; {@code windowS} is the slope window (rate) or
 * the minimum silence (no data); {@code samples} the run of identical values that means frozen. The
 * analytics kinds add: {@code detector} (anomaly: null = any), {@code clearAfterS} (anomaly: quiet time
 * before it resolves), {@code floorPct} and {@code method} (efficiency_drop: absolute floor, and
 * {@code direct}, {@code combustion} or {@code either}).
 */
public record AlertRule(UUID ruleId, String siteId, String sensorId, RuleKind kind, String operator, Double limit,
        double deadband, int delayS, Integer windowS, Integer samples, Severity severity, String name, String detector,
        Integer clearAfterS, Double floorPct, String method) {

    public static final int DEFAULT_RATE_WINDOW_S = 600;
    public static final int DEFAULT_FROZEN_SAMPLES = 10;
    public static final int DEFAULT_CLEAR_AFTER_S = 900;
    /** Kinds judged on each reading of their sensor (no data by the silence watch, the analytics kinds by their own jobs). */
    public static final Set<RuleKind> PER_READING = EnumSet.of(RuleKind.THRESHOLD, RuleKind.RATE_OF_CHANGE,
            RuleKind.FROZEN);

    /** A rule of the reading kinds (no analytics fields). */
    public AlertRule(UUID ruleId, String siteId, String sensorId, RuleKind kind, String operator, Double limit,
            double deadband, int delayS, Integer windowS, Integer samples, Severity severity, String name) {
        this(ruleId, siteId, sensorId, kind, operator, limit, deadband, delayS, windowS, samples, severity, name, null,
                null, null, null);
    }

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

    /** An anomaly rule's quiet time: no new matching anomaly for this long resolves its alert. */
    public Duration clearAfter() {
        return Duration.ofSeconds(clearAfterS == null ? DEFAULT_CLEAR_AFTER_S : clearAfterS);
    }

    /** An anomaly rule watching this sensor and detector. */
    public boolean watchesAnomaly(String anomalySensorId, String anomalyDetector) {
        return kind == RuleKind.ANOMALY && anomalySensorId.equals(sensorId)
                && (detector == null || detector.equals(anomalyDetector));
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
