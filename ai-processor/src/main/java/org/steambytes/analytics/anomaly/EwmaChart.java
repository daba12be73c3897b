package org.steambytes.analytics.anomaly;

/**
 * EWMA control chart (docs/DOMAIN.md "EWMA control chart"): z_t = λ·x_t + (1 − λ)·z_{t−1} from
 * z_0 = μ0, with time-varying limits μ0 ± L·σ·√(λ / (2 − λ) · (1 − (1 − λ)^{2t})); an alarm when z_t
 * leaves them.
 */
public final class EwmaChart {

    /** The chart after {@code t} samples: the smoothed value z_t. */
    public record State(long t, double z) {
    }

    /** One sample's result: the new state, the limit's half width, and whether z_t is outside the limits. */
    public record Step(State state, double halfWidth, boolean alarm) {

        /** How far z_t is from μ0, in half widths of the limits (above 1: alarm). */
        public double score(double mu0) {
            return Math.abs(state.z() - mu0) / halfWidth;
        }
    }

    private final double lambda;
    private final double limitSigma;
    private final double mu0;
    private final double sigma;

    public EwmaChart(double lambda, double limitSigma, double mu0, double sigma) {
        if (!(lambda > 0 && lambda <= 1) || !(limitSigma > 0) || !(sigma > 0) || !Double.isFinite(mu0)) {
            throw new IllegalArgumentException("need 0 < λ <= 1, L > 0, σ > 0 and a finite μ0");
        }
        this.lambda = lambda;
        this.limitSigma = limitSigma;
        this.mu0 = mu0;
        this.sigma = sigma;
    }

    /** The chart before any sample: z_0 = μ0. */
    public State start() {
        return new State(0, mu0);
    }

    public Step step(State before, double x) {
        long t = before.t() + 1;
        double z = lambda * x + (1 - lambda) * before.z();
        double halfWidth = limitSigma * sigma * Math.sqrt(lambda / (2 - lambda) * (1 - Math.pow(1 - lambda, 2.0 * t)));
        return new Step(new State(t, z), halfWidth, Math.abs(z - mu0) > halfWidth);
    }

    public double mu0() {
        return mu0;
    }
}
