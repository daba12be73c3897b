package org.steambytes.analytics.anomaly;

/**
 * Tabular CUSUM (docs/DOMAIN.md "Tabular CUSUM"): C⁺_t = max(0, x_t − μ0 − K + C⁺_{t−1}) and
 * C⁻_t = max(0, μ0 − K − x_t + C⁻_{t−1}) from 0; an alarm when either exceeds H. K and H are given in
 * units of σ (K ≈ 0.5σ, H 4–5σ).
 */
public final class TabularCusum {

    /** The two cumulative sums. */
    public record State(double upper, double lower) {

        public static final State ZERO = new State(0, 0);
    }

    /** One sample's result: the new sums, and whether one of them is above H. */
    public record Step(State state, double h, boolean alarm) {

        /** The larger sum, in units of H (above 1: alarm). */
        public double score() {
            return Math.max(state.upper(), state.lower()) / h;
        }

        public boolean upward() {
            return state.upper() >= state.lower();
        }
    }

    private final double mu0;
    private final double k;
    private final double h;

    public TabularCusum(double mu0, double sigma, double kSigma, double hSigma) {
        if (!(sigma > 0) || !(kSigma >= 0) || !(hSigma > 0) || !Double.isFinite(mu0)) {
            throw new IllegalArgumentException("need σ > 0, K >= 0, H > 0 and a finite μ0");
        }
        this.mu0 = mu0;
        this.k = kSigma * sigma;
        this.h = hSigma * sigma;
    }

    public Step step(State before, double x) {
        double upper = Math.max(0, x - mu0 - k + before.upper());
        double lower = Math.max(0, mu0 - k - x + before.lower());
        return new Step(new State(upper, lower), h, upper > h || lower > h);
    }
}
