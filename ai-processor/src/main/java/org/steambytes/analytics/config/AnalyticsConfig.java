package org.steambytes.analytics.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A site's analytics settings; defaults are docs/DOMAIN.md's. */
@Entity
@Table(name = "analytics_configs")
class AnalyticsConfig {

    @Id
    @Column(name = "site_id", length = 63)
    private String siteId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "window_minutes", nullable = false)
    private int windowMinutes;

    @Column(name = "zscore_threshold", nullable = false)
    private double zscoreThreshold;

    @Column(name = "zscore_consecutive", nullable = false)
    private int zscoreConsecutive;

    @Column(name = "ewma_lambda", nullable = false)
    private double ewmaLambda;

    @Column(name = "ewma_limit_sigma", nullable = false)
    private double ewmaLimitSigma;

    @Column(name = "cusum_k_sigma", nullable = false)
    private double cusumKSigma;

    @Column(name = "cusum_h_sigma", nullable = false)
    private double cusumHSigma;

    @Column(name = "efficiency_basis", nullable = false, length = 8)
    private String efficiencyBasis;

    @Column(name = "calorific_value_mj")
    private Double calorificValueMj;

    @Column(name = "siegert_a2")
    private Double siegertA2;

    @Column(name = "siegert_b")
    private Double siegertB;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AnalyticsConfig() {
    }
}
