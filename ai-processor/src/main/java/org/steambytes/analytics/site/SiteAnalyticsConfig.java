package org.steambytes.analytics.site;

/**
 * A site's analytics settings ({@code analytics_configs}; a site without a row gets the column
 * defaults). Null {@code calorificValueMj}: no direct efficiency. Null Siegert coefficients: the
 * fuel's table values. Null {@code airTemperatureC}: the site's ambient temperature sensor.
 */
public record SiteAnalyticsConfig(boolean enabled, int windowMinutes, double zscoreThreshold, int zscoreConsecutive,
        double ewmaLambda, double ewmaLimitSigma, double cusumKSigma, double cusumHSigma, String efficiencyBasis,
        Double calorificValueMj, Double siegertA2, Double siegertB, double dryness, double blowdownPct,
        Double airTemperatureC) {

    /** The defaults of {@code analytics_configs} (V1, V5, V6: the detectors' false-alarm budget). */
    public static final SiteAnalyticsConfig DEFAULTS = new SiteAnalyticsConfig(true, 60, 3.5, 2, 0.2, 5.0, 1.0, 8.0,
            "net", null, null, null, 1.0, 0, null);
}
