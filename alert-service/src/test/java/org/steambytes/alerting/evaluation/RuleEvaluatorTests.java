package org.steambytes.alerting.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.steambytes.alerting.rule.AlertRule;
import org.steambytes.alerting.state.RuleState;
import org.steambytes.alerting.state.Sample;
import org.steambytes.common.alert.RuleKind;
import org.steambytes.common.alert.Severity;

/** Rule semantics as tables: each row is (seconds, value) → what the rule does at that reading. */
class RuleEvaluatorTests {

    private static final String OPEN = "OPEN";
    private static final String RESOLVE = "RESOLVE";
    private static final String NONE = "-";

    @Test
    void thresholdOpensAfterTheDelayAndResolvesOnlyPastTheDeadbandAfterTheSameDelay() {
        AlertRule rule = threshold("above", 12.0, 0.5, 15);
        assertThat(run(rule,
                0, 11.9,   // below
                5, 12.1,   // breach starts the delay
                10, 12.4,  // held 5 s
                20, 12.2,  // held 15 s → open
                25, 11.8,  // back under the limit but inside the deadband: stays open
                30, 12.3,  // breach again while open: nothing new
                35, 11.5,  // exactly limit − deadband: clear, the off-delay starts
                45, 11.2,  // clear for 10 s
                50, 11.4,  // clear for 15 s → resolves
                55, 12.5,  // breach: the delay starts again
                65, 11.0)) // cleared before the delay ran out: nothing opened
                .containsExactly(NONE, NONE, NONE, OPEN, NONE, NONE, NONE, NONE, RESOLVE, NONE, NONE);
    }

    @Test
    void aClearInterruptedInsideTheDeadbandRestartsTheOffDelay() {
        AlertRule rule = threshold("above", 12.0, 0.5, 15);
        assertThat(run(rule,
                0, 12.5, 15, 12.5,   // open
                20, 11.0, 30, 11.0,  // clear for 10 s
                32, 11.9,            // back inside the deadband: the off-delay starts over
                35, 11.0, 45, 11.0,  // clear for 10 s again
                50, 11.0))           // 15 s → resolves
                .containsExactly(NONE, OPEN, NONE, NONE, NONE, NONE, NONE, RESOLVE);
    }

    @Test
    void anInterruptedBreachRestartsTheDelay() {
        AlertRule rule = threshold("above", 12.0, 0.5, 15);
        assertThat(run(rule,
                0, 12.5, 10, 12.5, 12, 11.9, 20, 12.5, 30, 12.5, 35, 12.5))
                .containsExactly(NONE, NONE, NONE, NONE, NONE, OPEN);
    }

    @Test
    void belowLimitsMirrorAboveOnes() {
        AlertRule rule = threshold("below", 2.0, 0.2, 0);
        assertThat(run(rule, 0, 2.1, 1, 1.9, 2, 2.1, 3, 2.2, 4, 1.5))
                .containsExactly(NONE, OPEN, NONE, RESOLVE, OPEN);
    }

    @Test
    void aNoisySignalOscillatingAroundTheLimitNeverChatters() {
        AlertRule rule = threshold("above", 12.0, 0.25, 15); // pressure: 2 % deadband, 15 s on- and off-delay
        Random noise = new Random(42);
        List<Double> series = new ArrayList<>();
        for (int second = 0; second < 3600; second++) {
            // An hour at 1 Hz around 12.3 bar with σ 0.3: above the limit most of the time, and below
            // limit − deadband (11.75) in about one reading of 30 — single dips, never 15 s of them.
            series.add(12.3 + noise.nextGaussian() * 0.3);
        }
        long dips = series.stream().filter(value -> value <= 11.75).count();
        assertThat(dips).as("the signal does cross the clear level, often").isGreaterThan(50);

        List<String> steps = run(rule, series);
        assertThat(steps.stream().filter(OPEN::equals).count()).isEqualTo(1);
        assertThat(steps).doesNotContain(RESOLVE);

        for (int second = 0; second < 16; second++) {
            series.add(11.0); // the pressure really falls back, and stays
        }
        List<String> settled = run(rule, series);
        assertThat(settled.stream().filter(RESOLVE::equals).count()).isEqualTo(1);
        assertThat(settled.get(series.size() - 1)).isEqualTo(RESOLVE);
    }

    @Test
    void rateOfChangeJudgesTheLeastSquaresSlopePerHour() {
        AlertRule rule = rule(RuleKind.RATE_OF_CHANGE, "above", 6.0, 1.0, 0, 600, null);
        List<Double> rising = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            rising.add(10.0 + i * 10 * (12.0 / 3600)); // every 10 s, +12 bar/h
        }
        List<String> steps = run(rule, rising, 10);
        int opened = steps.indexOf(OPEN);
        assertThat(opened).as("judged once half the 600 s window is filled (30 readings), not before").isEqualTo(30);
        assertThat(steps.stream().filter(OPEN::equals).count()).isEqualTo(1);

        assertThat(RuleEvaluator.slopePerHour(List.of(new Sample(0, 10), new Sample(600_000, 12), new Sample(1_200_000, 14)), 1200))
                .isCloseTo(12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RuleEvaluator.slopePerHour(List.of(new Sample(0, 10), new Sample(1_000, 12)), 600)).isNull();
    }

    @Test
    void aFlatLineAfterARiseResolvesARateAlert() {
        AlertRule rule = rule(RuleKind.RATE_OF_CHANGE, "above", 6.0, 1.0, 0, 600, null);
        List<Double> series = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            series.add(10.0 + i * 10 * (12.0 / 3600));
        }
        for (int i = 0; i < 60; i++) {
            series.add(12.0);
        }
        List<String> steps = run(rule, series, 10);
        assertThat(steps.stream().filter(OPEN::equals).count()).isEqualTo(1);
        assertThat(steps.stream().filter(RESOLVE::equals).count()).isEqualTo(1);
        assertThat(steps.indexOf(RESOLVE)).isGreaterThan(steps.indexOf(OPEN));
    }

    @Test
    void frozenMeansTheLastNReadingsAllEqual() {
        AlertRule rule = rule(RuleKind.FROZEN, null, null, 0, 0, null, 4);
        assertThat(run(rule, 0, 5.0, 1, 5.0, 2, 5.0, 3, 5.0, 4, 5.0, 5, 5.1, 6, 5.1, 7, 5.1, 8, 5.1))
                .containsExactly(NONE, NONE, NONE, OPEN, NONE, RESOLVE, NONE, NONE, OPEN);
    }

    @Test
    void aReadingOfASilentSensorResolvesItsNoDataAlertAndNeverOpensOne() {
        AlertRule rule = rule(RuleKind.NO_DATA, null, null, 0, 0, 60, null);
        RuleEvaluator.Step quiet = RuleEvaluator.apply(rule, RuleState.INITIAL, new Sample(1_000, 3.0));
        assertThat(quiet.transition()).isNull();
        RuleEvaluator.Step back = RuleEvaluator.apply(rule, RuleState.activeAlert("a-1"), new Sample(2_000, 3.0));
        assertThat(back.transition().type()).isEqualTo(Transition.Type.RESOLVE);
        assertThat(back.state().active()).isFalse();
    }

    @Test
    void aReadingSeenAlreadyChangesNothing() {
        AlertRule rule = threshold("above", 12.0, 0.5, 0);
        RuleEvaluator.Step opened = RuleEvaluator.apply(rule, RuleState.INITIAL, new Sample(5_000, 13));
        assertThat(opened.transition().type()).isEqualTo(Transition.Type.OPEN);
        RuleState active = opened.state().withAlertId("a-1");

        assertThat(RuleEvaluator.apply(rule, active, new Sample(5_000, 11)).transition()).as("same time again").isNull();
        assertThat(RuleEvaluator.apply(rule, active, new Sample(4_000, 11)).transition()).as("older").isNull();
        assertThat(RuleEvaluator.apply(rule, active, new Sample(6_000, 11)).transition().type()).isEqualTo(Transition.Type.RESOLVE);
    }

    private static AlertRule threshold(String operator, double limit, double deadband, int delayS) {
        return rule(RuleKind.THRESHOLD, operator, limit, deadband, delayS, null, null);
    }

    private static AlertRule rule(RuleKind kind, String operator, Double limit, double deadband, int delayS, Integer windowS,
            Integer samples) {
        return new AlertRule(UUID.randomUUID(), "plant-a", "b1-steam-pressure", kind, operator, limit, deadband, delayS,
                windowS, samples, Severity.HIGH, null);
    }

    /** Pairs of (second, value). */
    private static List<String> run(AlertRule rule, double... secondsAndValues) {
        List<String> steps = new ArrayList<>();
        RuleState state = RuleState.INITIAL;
        for (int i = 0; i < secondsAndValues.length; i += 2) {
            RuleEvaluator.Step step = RuleEvaluator.apply(rule, state,
                    new Sample((long) (secondsAndValues[i] * 1000), secondsAndValues[i + 1]));
            state = step.transition() != null && step.transition().type() == Transition.Type.OPEN
                    ? step.state().withAlertId("alert") : step.state();
            steps.add(step.transition() == null ? NONE : step.transition().type().name());
        }
        return steps;
    }

    private static List<String> run(AlertRule rule, List<Double> values) {
        return run(rule, values, 1);
    }

    /** One value every {@code everySeconds}. */
    private static List<String> run(AlertRule rule, List<Double> values, int everySeconds) {
        double[] pairs = new double[values.size() * 2];
        for (int i = 0; i < values.size(); i++) {
            pairs[2 * i] = i * everySeconds;
            pairs[2 * i + 1] = values.get(i);
        }
        return run(rule, pairs);
    }
}
