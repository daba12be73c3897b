package org.steambytes.api.analytics.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The settings' shape, for the OpenAPI description only: ai-processor answers them and this service
 * passes them on unchanged. The defaults are ai-processor's (the columns' own), not stated here.
 */
@Schema(name = "AnalyticsSettings")
record AnalyticsSettingsDocument(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) @JsonProperty("site_id") String siteId,
        @JsonProperty("enabled") Boolean enabled,
        @Schema(description = "1 to 1440") @JsonProperty("window_minutes") Integer windowMinutes,
        @Schema(description = "> 0") @JsonProperty("zscore_threshold") Double zscoreThreshold,
        @Schema(description = ">= 1") @JsonProperty("zscore_consecutive") Integer zscoreConsecutive,
        @Schema(description = "in (0, 1]") @JsonProperty("ewma_lambda") Double ewmaLambda,
        @Schema(description = "> 0") @JsonProperty("ewma_limit_sigma") Double ewmaLimitSigma,
        @Schema(description = ">= 0") @JsonProperty("cusum_k_sigma") Double cusumKSigma,
        @Schema(description = "> 0") @JsonProperty("cusum_h_sigma") Double cusumHSigma,
        @Schema(allowableValues = {"net", "gross"}) @JsonProperty("efficiency_basis") String efficiencyBasis,
        @Schema(description = "> 0, or null: no direct efficiency", nullable = true) @JsonProperty("calorific_value_mj") Double calorificValueMj,
        @Schema(description = ">= 0, or null: the fuel's", nullable = true) @JsonProperty("siegert_a2") Double siegertA2,
        @Schema(description = ">= 0, or null: the fuel's", nullable = true) @JsonProperty("siegert_b") Double siegertB,
        @Schema(description = "in (0, 1]") @JsonProperty("dryness") Double dryness,
        @Schema(description = "in [0, 100)") @JsonProperty("blowdown_pct") Double blowdownPct,
        @Schema(description = "-60 to 100, or null: the ambient_temperature sensor", nullable = true)
        @JsonProperty("air_temperature_c") Double airTemperatureC,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY, nullable = true) @JsonProperty("updated_at") Instant updatedAt) {
}
