package org.steambytes.analytics.anomaly;

import java.util.Locale;

/**
 * The sentence stored with an anomaly, in the operator's terms: the sensor, the value with its unit,
 * how far from the preceding window's mean and by which measure, e.g. "flue gas temperature 212.4 °C
 * is 4.1 σ above its 60-min mean 188.2 °C".
 */
final class Explanations {

    private Explanations() {
    }

    static String zscore(SensorDetectors.Baseline base, double x, double z, long run) {
        return String.format(Locale.ROOT, "%s %s is %.1f σ %s its %d-min mean %s (%d readings in a row beyond %s σ)",
                label(base), value(x, base), Math.abs(z), z > 0 ? "above" : "below", base.settings().windowMinutes(),
                value(base.mean(), base), run, number(base.settings().zscoreThreshold()));
    }

    static String ewma(SensorDetectors.Baseline base, EwmaChart.Step step) {
        boolean up = step.state().z() > base.mean();
        double limit = up ? base.mean() + step.halfWidth() : base.mean() - step.halfWidth();
        return String.format(Locale.ROOT, "%s has shifted %s: its smoothed value (EWMA, λ %s) %s is %s the %s control"
                        + " limit %s around its %d-min mean %s", label(base), up ? "up" : "down",
                number(base.settings().ewmaLambda()), value(step.state().z(), base), up ? "above" : "below",
                up ? "upper" : "lower", value(limit, base), base.settings().windowMinutes(), value(base.mean(), base));
    }

    static String cusum(SensorDetectors.Baseline base, double x, double scoreSigma, boolean upward) {
        return String.format(Locale.ROOT, "%s has drifted %s: its readings have run %s its %d-min mean %s by %.1f σ in"
                        + " total (limit %s σ); latest %s", label(base), upward ? "up" : "down",
                upward ? "above" : "below", base.settings().windowMinutes(), value(base.mean(), base), scoreSigma,
                number(base.settings().cusumHSigma()), value(x, base));
    }

    /** "flue_gas_temperature" → "flue gas temperature". */
    private static String label(SensorDetectors.Baseline base) {
        return base.sensor().sensorType().replace('_', ' ');
    }

    private static String value(double x, SensorDetectors.Baseline base) {
        String unit = base.sensor().unit();
        return unit == null || unit.isBlank() ? number(x) : number(x) + " " + unit;
    }

    /** Enough digits to tell values of the sensor's scale apart: 212.4, 10.55, 0.312. */
    static String number(double x) {
        double magnitude = Math.abs(x);
        String pattern = magnitude >= 100 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        String text = String.format(Locale.ROOT, pattern, x);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
