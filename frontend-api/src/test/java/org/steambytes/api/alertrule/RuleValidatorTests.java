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
                "high", null, null), type, true, errors);
        assertThat(errors).isEmpty();
        assertThat(spec.deadband()).isCloseTo(deadband, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(spec.delayS()).isEqualTo(delay);
        assertThat(spec.enabled()).isTrue();
    }

    @Test
    void keepsGivenValuesAndFillsKindDefaults() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleSpec threshold = RuleValidator.validate(new RuleDraft("threshold", "s1", "below", 7.0, 0.5, 30, null, null,
                "critical", false, "low pressure"), "steam_pressure", true, errors);
        assertThat(threshold.deadband()).isEqualTo(0.5);
        assertThat(threshold.delayS()).isEqualTo(30);
        assertThat(threshold.enabled()).isFalse();
        RuleSpec rate = RuleValidator.validate(new RuleDraft("rate_of_change", "s1", "above", 5.0, null, null, null,
                null, "medium", null, null), "flue_gas_temperature", true, errors);
        assertThat(rate.windowS()).isEqualTo(600);
        RuleSpec frozen = RuleValidator.validate(new RuleDraft("frozen", "s1", null, null, null, null, null, null,
                "low", null, null), "steam_pressure", true, errors);
        assertThat(frozen.samples()).isEqualTo(10);
        assertThat(errors).isEmpty();
    }

    @Test
    void listsEveryWrongFieldForTheKind() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleValidator.validate(new RuleDraft("threshold", "ghost", "sideways", null, -1.0, -5, 0, 1, "urgent", null,
                null), null, false, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "severity", "sensor_id", "operator", "limit", "deadband", "delay_s", "window_s", "samples");
    }

    @Test
    void knowsWhichKindsNeedASensorAnOperatorOrALimit() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleValidator.validate(new RuleDraft("efficiency_drop", null, null, 3.0, null, null, null, null, "medium",
                null, null), null, false, errors);
        assertThat(errors).isEmpty();
        RuleValidator.validate(new RuleDraft("no_data", null, "above", null, null, null, null, null, "high",
                null, null), null, false, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("sensor_id", "operator");
        errors.clear();
        RuleValidator.validate(new RuleDraft("bogus", "s1", null, null, null, null, null, null, "low", null, null),
                "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).contains("kind");
    }

    @Test
    void namesEveryFieldTheKindNeverReads() {
        List<FieldProblem> errors = new ArrayList<>();
        RuleValidator.validate(new RuleDraft("no_data", "s1", null, 12.0, 0.5, 15, 300, 5, "medium", null, null),
                "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("limit", "deadband", "delay_s", "samples");
        errors.clear();
        RuleValidator.validate(new RuleDraft("threshold", "s1", "above", 12.0, null, null, 600, 5, "medium", null,
                "x".repeat(201)), "steam_pressure", true, errors);
        assertThat(errors).extracting(FieldProblem::field).containsExactlyInAnyOrder("window_s", "samples", "name");
        errors.clear();
        RuleValidator.validate(new RuleDraft("frozen", "s1", null, null, null, 30, null, 20, "low", null, null),
                "steam_pressure", true, errors);
        assertThat(errors).isEmpty();
    }
}
