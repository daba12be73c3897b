package org.steambytes.analytics.anomaly;

/**
 * A site's detector parameters ({@code analytics_configs}): the window whose older part is the
 * baseline, the z-score's threshold (σ) and run length, the EWMA chart's λ and L (σ), and CUSUM's K
 * and H (σ). Defaults (V6) hold the false-alarm budget (docs/DOMAIN.md "False-alarm budget").
 */
public record DetectorSettings(int windowMinutes, double zscoreThreshold, int zscoreConsecutive, double ewmaLambda,
        double ewmaLimitSigma, double cusumKSigma, double cusumHSigma) {
}
