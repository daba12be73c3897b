package org.steambytes.analytics.anomaly;

import org.steambytes.analytics.statistics.WindowStatistics;

/**
 * Rolling z-score (docs/DOMAIN.md "Rolling z-score"): how many sample standard deviations (n − 1) a
 * value lies from the mean of the values before it; an alarm when |z| exceeds the threshold for
 * {@code consecutive} samples in a row.
 */
public final class RollingZScore {

    /** What one sample did: its z (null when the window has no spread), the run of samples past the threshold, the alarm. */
    public record Step(Double z, int run, boolean alarm) {
    }

    private final double threshold;
    private final int consecutive;

    public RollingZScore(double threshold, int consecutive) {
        if (!(threshold > 0) || consecutive < 1) {
            throw new IllegalArgumentException("threshold must be > 0 and consecutive >= 1");
        }
        this.threshold = threshold;
        this.consecutive = consecutive;
    }

    /**
     * z of {@code x} against the {@code window} before it: null with fewer than two values or no spread
     * (a steady sensor has no z, not a division by zero).
     */
    public static Double z(double[] window, double x) {
        WindowStatistics statistics = WindowStatistics.of(window);
        if (statistics == null || statistics.stddev() == null || statistics.stddev() == 0) {
            return null;
        }
        return (x - statistics.mean()) / statistics.stddev();
    }

    /** The next sample, given the run of samples past the threshold before it. */
    public Step step(double[] window, double x, int runBefore) {
        Double z = z(window, x);
        int run = z != null && Math.abs(z) > threshold ? runBefore + 1 : 0;
        return new Step(z, run, run >= consecutive);
    }

    public double threshold() {
        return threshold;
    }
}
