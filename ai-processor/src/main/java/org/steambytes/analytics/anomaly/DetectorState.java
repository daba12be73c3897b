package org.steambytes.analytics.anomaly;

import java.time.Instant;

/**
 * One detector's state for one sensor ({@code anomaly_detector_states}): the newest point it examined,
 * and its running statistic — the z-score's run of samples past the threshold ({@code samples}), the
 * EWMA chart's t and z_t ({@code samples}, {@code statistic}; t = 0 means z restarts at the baseline
 * mean), or CUSUM's C⁺ and C⁻ ({@code statistic}, {@code statisticLower}).
 */
public record DetectorState(String sensorId, Detector detector, Instant examinedUntil, long samples, double statistic,
        double statisticLower) {

    /** A detector that has examined nothing after {@code examinedUntil}, with its statistic at rest. */
    public static DetectorState fresh(String sensorId, Detector detector, Instant examinedUntil) {
        return new DetectorState(sensorId, detector, examinedUntil, 0, 0, 0);
    }

    DetectorState examinedTo(Instant until) {
        return new DetectorState(sensorId, detector, until, samples, statistic, statisticLower);
    }
}
