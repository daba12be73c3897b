package org.steambytes.analytics.statistics;

/**
 * A sensor's window statistics (docs/DOMAIN.md "Analytics"): count, mean, min, max, sample standard
 * deviation (n − 1; null below two samples) and the last value. Computed in one pass (Welford), so a
 * long window neither overflows nor loses precision to cancellation.
 */
public record WindowStatistics(int count, double mean, double min, double max, Double stddev, double last) {

    /** Statistics of {@code values} in time order; null for no values. */
    public static WindowStatistics of(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double mean = 0;
        double m2 = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            double delta = x - mean;
            mean += delta / (i + 1);
            m2 += delta * (x - mean);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        Double stddev = values.length < 2 ? null : Math.sqrt(Math.max(0, m2) / (values.length - 1));
        return new WindowStatistics(values.length, mean, min, max, stddev, values[values.length - 1]);
    }
}
