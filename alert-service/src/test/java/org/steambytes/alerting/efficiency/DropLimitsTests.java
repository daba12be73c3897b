package org.steambytes.alerting.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.steambytes.alerting.efficiency.DropLimits.Verdict;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.alert.Severity;

class DropLimitsTests {

    @ParameterizedTest(name = "limit {0}, floor {1}, median {2} → boundary {3}")
    @CsvSource(nullValues = "-", value = {
            "5, -, 86.6, 81.6",   // 5 points below the median
            "-, 80, 86.6, 80",    // the floor alone
            "5, 83, 86.6, 83",    // the floor is higher: it is what is fallen below first
            "5, 80, 86.6, 81.6",  // the median's limit is higher
            "-, 80, -, 80",       // a floor needs no median
            "5, -, -, -"})        // a limit does: nothing to judge
    void theBoundaryIsTheHigherOfTheFloorAndTheMedianLessTheLimit(Double limit, Double floor, Double median, Double boundary) {
        assertThat(DropLimits.boundary(rule(limit, floor, 0, 0), median)).isEqualTo(boundary);
    }

    @ParameterizedTest(name = "{0} % for {1} s → {2}")
    @CsvSource({
            "81.5, 120, LOW",
            "81.5, 119, LOW_PENDING",
            "81.6, 999, WITHIN_DEADBAND", // on the boundary is not below it
            "82.6, 999, WITHIN_DEADBAND", // not past the deadband yet
            "82.7, 0, CLEAR"})
    void lowForTheDelayOpensAndOnlyPastTheDeadbandClears(double value, long lowForS, Verdict verdict) {
        assertThat(DropLimits.verdict(rule(5.0, null, 1.0, 120), value, 81.6, Duration.ofSeconds(lowForS)))
                .isEqualTo(verdict);
    }

    @Test
    void theMessageSaysWhichEfficiencyHowFarBelowItsMedianAndTheLimit() {
        assertThat(DropLimits.message(rule(5.0, null, 0, 0),
                new LatestEfficiency(Efficiency.DIRECT, Instant.EPOCH, 80.1, 86.6)))
                .isEqualTo("direct efficiency 80.1 % is 6.5 points below its 7-day median 86.6 % (limit 5 points)");
        assertThat(DropLimits.message(rule(5.0, 82.5, 0, 0),
                new LatestEfficiency(Efficiency.COMBUSTION, Instant.EPOCH, 82.0, 86.6)))
                .isEqualTo("combustion efficiency 82.0 % is below its floor 82.5 % (7-day median 86.6 %)");
    }

    private static AlertRule rule(Double limit, Double floor, double deadband, int delayS) {
        return new AlertRule(UUID.randomUUID(), "plant-a", null, RuleKind.EFFICIENCY_DROP, null, limit, deadband, delayS,
                null, null, Severity.HIGH, null, null, null, floor, null);
    }
}
