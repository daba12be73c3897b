package org.steambytes.analytics.anomaly;

import java.time.Instant;

/**
 * A reading a detector found out of line, with the numbers that say why: the detector's {@code score}
 * and {@code threshold} in σ (|z| for the z-score, the EWMA statistic's distance from the baseline mean
 * in its own standard deviations, CUSUM's larger sum in σ) and a sentence an operator understands.
 */
public record FoundAnomaly(String sensorId, Detector detector, Instant observedAt, double value, double score,
        double threshold, String explanation) {
}
