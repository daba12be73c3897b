package org.steambytes.analytics.statistics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Least-squares trend of a sensor over the window (docs/DOMAIN.md "Trend and time to threshold"):
 * the slope in units per hour, the fitted value at the newest sample, and whether the slope is
 * significant — a two-sided t-test of "slope = 0" at 5 % (|b| / SE(b) above Student's t with n − 2
 * degrees of freedom), so noise around a steady value forecasts nothing.
 *
 * @param slopePerHour  b, in the sensor's unit per hour
 * @param fittedNow     the fitted line's value at the newest sample (ŷ_now)
 * @param significant   whether the slope passes the t-test (never with fewer than 3 samples)
 */
public record Trend(double slopePerHour, double fittedNow, boolean significant) {

    /** Significance level of the slope test. */
    public static final double ALPHA = 0.05;

    private static final double MS_PER_HOUR = 3_600_000.0;

    /**
     * The trend of samples at {@code timesMs} (epoch ms, ascending) with {@code values}; null with fewer
     * than two samples or when all are at one instant.
     */
    public static Trend of(long[] timesMs, double[] values) {
        int n = values.length;
        if (n < 2) {
            return null;
        }
        long origin = timesMs[0];
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += (timesMs[i] - origin) / MS_PER_HOUR;
            meanY += values[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = (timesMs[i] - origin) / MS_PER_HOUR - meanX;
            sxx += dx * dx;
            sxy += dx * (values[i] - meanY);
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double xNow = (timesMs[n - 1] - origin) / MS_PER_HOUR;
        return new Trend(slope, intercept + slope * xNow, significant(timesMs, values, origin, slope, intercept, sxx));
    }

    private static boolean significant(long[] timesMs, double[] values, long origin, double slope, double intercept,
            double sxx) {
        int n = values.length;
        if (n < 3) {
            return false;
        }
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double residual = values[i] - (intercept + slope * (timesMs[i] - origin) / MS_PER_HOUR);
            sse += residual * residual;
        }
        double standardError = Math.sqrt(sse / (n - 2) / sxx);
        if (standardError == 0) {
            return slope != 0; // a perfect line: significant unless flat
        }
        double critical = new TDistribution(n - 2).inverseCumulativeProbability(1 - ALPHA / 2);
        return Math.abs(slope) / standardError > critical;
    }

    /**
     * Hours until the fitted line reaches {@code limit} going {@code above} (rising) or below
     * (falling): t* = (limit − ŷ_now) / b. Null when the slope is not significant, points away from
     * the limit, or the line is already past it.
     */
    public Double hoursTo(double limit, boolean above) {
        if (!significant || (above ? slopePerHour <= 0 : slopePerHour >= 0)) {
            return null;
        }
        double hours = (limit - fittedNow) / slopePerHour;
        return hours >= 0 ? hours : null;
    }
}
