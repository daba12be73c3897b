package org.steambytes.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/DOMAIN.md's reference values for the three detectors, reproduced exactly. */
class DetectorTests {

    private static final double[] WINDOW = {10.0, 10.2, 9.9, 10.1, 10.0, 9.8, 10.2, 10.1, 9.9, 10.0};
    private static final double[] SERIES = {10.2, 9.9, 10.4, 10.9, 11.2, 11.0};

    @Test
    void zScoreOfTheReferenceWindow() {
        assertThat(RollingZScore.z(WINDOW, 10.8)).isCloseTo(5.9245, within(0.00005));
    }

    @Test
    void zScoreAlarmsAfterKConsecutiveSamplesAndNeverDividesByZero() {
        RollingZScore detector = new RollingZScore(3, 2);
        RollingZScore.Step first = detector.step(WINDOW, 10.8, 0);
        assertThat(first.run()).isEqualTo(1);
        assertThat(first.alarm()).isFalse();
        assertThat(detector.step(WINDOW, 10.8, first.run()).alarm()).isTrue();
        assertThat(detector.step(WINDOW, 10.05, first.run()).run()).as("a sample inside resets the run").isZero();
        assertThat(RollingZScore.z(new double[] {4, 4, 4}, 9)).as("no spread: no z").isNull();
        assertThat(detector.step(new double[] {4, 4, 4}, 9, 1).alarm()).isFalse();
    }

    @Test
    void ewmaReferenceAlarmsAtSixNotAtFive() {
        EwmaChart chart = new EwmaChart(0.2, 3, 10, 0.5);
        List<EwmaChart.Step> steps = new ArrayList<>();
        EwmaChart.State state = chart.start();
        for (double x : SERIES) {
            EwmaChart.Step step = chart.step(state, x);
            steps.add(step);
            state = step.state();
        }
        EwmaChart.Step fifth = steps.get(4);
        EwmaChart.Step sixth = steps.get(5);
        assertThat(fifth.state().z()).isCloseTo(10.44134, within(0.000005));
        assertThat(10 + fifth.halfWidth()).isCloseTo(10.47239, within(0.000005));
        assertThat(fifth.alarm()).isFalse();
        assertThat(sixth.state().z()).isCloseTo(10.55308, within(0.000005));
        assertThat(10 + sixth.halfWidth()).isCloseTo(10.48251, within(0.000005));
        assertThat(sixth.alarm()).isTrue();
        assertThat(steps.subList(0, 5)).noneMatch(EwmaChart.Step::alarm);
    }

    @Test
    void cusumReferenceAlarmsAtSix() {
        TabularCusum cusum = new TabularCusum(10, 0.5, 0.5, 4);
        double[] expectedUpper = {0, 0, 0.15, 0.80, 1.75, 2.50};
        TabularCusum.State state = TabularCusum.State.ZERO;
        for (int t = 0; t < SERIES.length; t++) {
            TabularCusum.Step step = cusum.step(state, SERIES[t]);
            state = step.state();
            assertThat(state.upper()).as("C+ at t=%d", t + 1).isCloseTo(expectedUpper[t], within(1e-9));
            assertThat(state.lower()).as("C- at t=%d", t + 1).isZero();
            assertThat(step.alarm()).as("alarm at t=%d", t + 1).isEqualTo(t == 5);
        }
    }
}
