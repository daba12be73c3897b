package org.steambytes.api.alertrule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.steambytes.common.problem.FieldProblem;

class RuleValidatorTests {

    @ParameterizedTest(name = "{0} above {1}: deadband {2}, delay {3} s")
    @CsvSource({
            "steam_pressure,       12.0,  0.24, 15",
            "steam_flow,           1000,  50.0, 15",
            "drum_water_level,     -40,   2.0,  60",
            "flue_gas_temperature, 220,   2.2,  60",
            "flue_gas_o2,          5,     0.0,  0"})
    void fillsDomainDefaultsForThresholdsBySensorType(String type, double limit, double deadband, int delay) {
        List<FieldProblem> errors = new ArrayList<>();
        RuleSpec spec = RuleValidator.validate(new RuleDraft("threshold", "s1", "above", limit, null, null, null, null,
                "high", null, null, null, null, null, null), type, true, errors);
        assertThat(errors).isEmpty();
        assertThat(spec.deadband()).isCloseTo(deadband, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(spec.delayS()).isEqualTo(delay);
        assertThat(spec.enabled()).isTrue();
    }

    @Test
    void keepsGivenValuesAndFillsKindDefaults() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleSpec threshold = RuleValidator.validate(new RuleDraft("threshold", "s1", "below", 7.0, 0.5, 30, null, null,
                "critical", false, "low pressure", null, null, null, null), "steam_pressure", true, errors);
        assertThat(threshold.deadband()).isEqualTo(0.5);
        assertThat(threshold.delayS()).isEqualTo(30);
        assertThat(threshold.enabled()).isFalse();
        RuleSpec rate = RuleValidator.validate(new RuleDraft("rate_of_change", "s1", "above", 5.0, null, null, null,
                null, "medium", null, null, null, null, null, null), "flue_gas_temperature", true, errors);
        assertThat(rate.windowS()).isEqualTo(600);
        RuleSpec frozen = RuleValidator.validate(new RuleDraft("frozen", "s1", null, null, null, null, null, null,
                "low", null, null, null, null, null, null), "steam_pressure", true, errors);
        assertThat(frozen.samples()).isEqualTo(10);
        assertThat(errors).isEmpty();
    }

    @Test
    void listsEveryWrongFieldForTheKind() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleValidator.validate(new RuleDraft("threshold", "ghost", "sideways", null, -1.0, -5, 0, 1, "urgent", null,
                null, null, null, null, null), null, false, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "severity", "sensor_id", "operator", "limit", "deadband", "delay_s", "window_s", "samples");
    }

    @Test
    void knowsWhichKindsNeedASensorAnOperatorOrALimit() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleValidator.validate(new RuleDraft("efficiency_drop", null, null, 3.0, null, null, null, null, "medium",
                null, null, null, null, null, null), null, false, errors);
        assertThat(errors).isEmpty();
        RuleValidator.validate(new RuleDraft("no_data", null, "above", null, null, null, null, null, "high",
                null, null, null, null, null, null), null, false, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("sensor_id", "operator");
        errors.clear();
        RuleValidator.validate(new RuleDraft("bogus", "s1", null, null, null, null, null, null, "low", null, null, null, null, null, null),
                "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).contains("kind");
    }

    @Test
    void namesEveryFieldTheKindNeverReads() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleValidator.validate(new RuleDraft("no_data", "s1", null, 12.0, 0.5, 15, 300, 5, "medium", null, null, null, null, null, null),
                "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("limit", "deadband", "delay_s", "samples");
        errors.clear();
        RuleValidator.validate(new RuleDraft("threshold", "s1", "above", 12.0, null, null, 600, 5, "medium", null,
                "x".repeat(201), null, null, null, null), "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("window_s", "samples", "name");
        errors.clear();
        RuleValidator.validate(new RuleDraft("frozen", "s1", null, null, null, 30, null, 20, "low", null, null, null, null, null, null),
                "steam_pressure", true, errors);
        assertThat(errors).isEmpty();
    }
    @Test
    void anAnomalyRuleNeedsASensorAndSeverityAndTakesADetectorAndClearTime() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleSpec minimal = RuleValidator.validate(draft("anomaly", "s1", null, null, null, null, null, null), "steam_pressure",
                true, errors);
        assertThat(errors).isEmpty();
        assertThat(minimal.detector()).as("any detector").isNull();
        assertThat(minimal.clearAfterS()).isNull();
        assertThat(minimal.method()).isNull();
        RuleSpec full = RuleValidator.validate(draft("anomaly", "s1", null, "cusum", 900, null, null, null), "steam_pressure",
                true, errors);
        assertThat(errors).isEmpty();
        assertThat(full.detector()).isEqualTo("cusum");
        assertThat(full.clearAfterS()).isEqualTo(900);

        RuleValidator.validate(draft("anomaly", null, 3.0, "magic", 0, null, null, null), null, false, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("sensor_id", "limit", "detector",
                "clear_after_s");
    }

    @Test
    void anEfficiencyDropRuleIsSiteLevelWithALimitAFloorOrBoth() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleSpec floorOnly = RuleValidator.validate(draft("efficiency_drop", null, null, null, null, 80.0, null, null), null,
                false, errors);
        RuleSpec both = RuleValidator.validate(draft("efficiency_drop", null, 3.0, null, null, 80.0, "combustion", null), null,
                false, errors);
        assertThat(errors).isEmpty();
        assertThat(floorOnly.floorPct()).isEqualTo(80.0);
        assertThat(floorOnly.limit()).isNull();
        assertThat(floorOnly.method()).as("either efficiency, by default").isEqualTo("either");
        assertThat(both.method()).isEqualTo("combustion");
        assertThat(both.limit()).isEqualTo(3.0);
        RuleSpec withDeadband = RuleValidator.validate(new RuleDraft("efficiency_drop", null, null, 3.0, 1.0, 120, null,
                null, "high", null, null, null, null, null, null), null, false, errors);
        assertThat(errors).isEmpty();
        assertThat(withDeadband.deadband()).as("points back past the boundary before it resolves").isEqualTo(1.0);
        assertThat(withDeadband.delayS()).isEqualTo(120);

        RuleValidator.validate(draft("efficiency_drop", "s1", null, null, null, null, null, null), "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("sensor_id", "limit");
        errors.clear();
        RuleValidator.validate(draft("efficiency_drop", null, -1.0, null, null, 100.0, "indirect", null), null, false, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("limit", "floor_pct", "method");
        errors.clear();
        RuleValidator.validate(draft("efficiency_drop", null, null, null, null, 0.0, null, 5), null, false, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("floor_pct", "samples");
    }

    @Test
    void theNewFieldsBelongToTheirKindOnly() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleValidator.validate(new RuleDraft("threshold", "s1", "above", 12.0, null, null, null, null, "high", null, null,
                "zscore", 60, 50.0, "direct"), "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("detector", "clear_after_s",
                "floor_pct", "method");
        errors.clear();
        RuleValidator.validate(draft("anomaly", "s1", null, null, null, 50.0, "direct", null), "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("floor_pct", "method");
        errors.clear();
        RuleValidator.validate(draft("efficiency_drop", null, 2.0, "ewma", 60, null, null, null), null, false, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("detector", "clear_after_s");
    }

    private static RuleDraft draft(String kind, String sensorId, Double limit, String detector, Integer clearAfterS,
            Double floorPct, String method, Integer samples) {
        return new RuleDraft(kind, sensorId, null, limit, null, null, null, samples, "medium", null, null, detector,
                clearAfterS, floorPct, method);
    }
}
