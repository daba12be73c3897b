package org.steambytes.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.steambytes.analytics.site.SiteAnalyticsConfig;
import org.steambytes.common.reading.SensorSeries;

/** The detectors as the cycle runs them: the false-alarm budget, what they catch, what they must not look at. */
class SensorDetectorsTests {

    private static final SiteAnalyticsConfig C = SiteAnalyticsConfig.DEFAULTS;
    private static final DetectorSettings DEFAULTS = new DetectorSettings(C.windowMinutes(), C.zscoreThreshold(),
            C.zscoreConsecutive(), C.ewmaLambda(), C.ewmaLimitSigma(), C.cusumKSigma(), C.cusumHSigma());
    private static final long WEEK_S = 7 * 24 * 3600L;

    @Test
    void aSteadyNoisySensorStaysUnderOneFalseAnomalyPerSensorWeekWithTheDefaults() {
        int sensorWeeks = 6;
        List<FoundAnomaly> found = new ArrayList<>();
        for (int sensor = 0; sensor < sensorWeeks; sensor++) {
            found.addAll(NoiseSimulation.run(DEFAULTS, NoiseSimulation.steadyNoise(1000 + sensor), WEEK_S, 10, 60));
        }
        assertThat(found.size()).as("false anomalies in %d sensor-weeks of 10-s Gaussian noise: %s", sensorWeeks, found)
                .isLessThan(sensorWeeks);
    }

    @Test
    void theOldDefaultsWouldHaveAlarmedAboutOncePerSensorHour() {
        DetectorSettings v1 = new DetectorSettings(60, 3.0, 1, 0.2, 3.0, 0.5, 5.0);
        List<FoundAnomaly> found = NoiseSimulation.run(v1, NoiseSimulation.steadyNoise(7), 24 * 3600, 10, 60);
        assertThat(found.size()).as("one simulated day").isGreaterThan(24);
    }

    @Test
    void aStepOfThreeSigmaIsCaughtByEveryDetectorWithinMinutesAndOnceEach() {
        LongToDoubleFunction noise = NoiseSimulation.steadyNoise(11);
        long stepAt = 3 * 3600;
        List<FoundAnomaly> found = NoiseSimulation.run(DEFAULTS, t -> noise.applyAsDouble(t) + (t >= stepAt ? 6 : 0),
                stepAt + 600, 10, 60);
        for (Detector detector : Detector.values()) {
            List<FoundAnomaly> by = found.stream().filter(a -> a.detector() == detector).toList();
            assertThat(by).as(detector + " found the step").isNotEmpty();
            assertThat(by.get(0).observedAt()).as(detector + " found it after the step, within 5 minutes")
                    .isAfterOrEqualTo(NoiseSimulation.at(stepAt)).isBefore(NoiseSimulation.at(stepAt + 300));
        }
        FoundAnomaly z = found.stream().filter(a -> a.detector() == Detector.ZSCORE).findFirst().orElseThrow();
        assertThat(z.score()).isGreaterThan(3.5);
        assertThat(z.threshold()).isEqualTo(3.5);
        assertThat(z.explanation()).matches("flue gas temperature 18\\d\\.\\d °C is \\d\\.\\d σ above its 60-min mean"
                + " 18\\d\\.\\d °C \\(2 readings in a row beyond 3\\.5 σ\\)");
    }

    @Test
    void aSlowDriftIsCaughtByCusumOrEwmaBeforeItReachesThreeSigma() {
        LongToDoubleFunction noise = NoiseSimulation.steadyNoise(12);
        long driftFrom = 2 * 3600;
        // 2 σ (4 K) per 20 minutes: fouling-like, too slow for one reading to stand out
        LongToDoubleFunction drift = t -> noise.applyAsDouble(t) + (t > driftFrom ? (t - driftFrom) * 4.0 / 1200 : 0);
        List<FoundAnomaly> found = NoiseSimulation.run(DEFAULTS, drift, driftFrom + 1800, 10, 60);
        assertThat(found).as("anomalies of the drift").isNotEmpty()
                .anyMatch(a -> a.detector() != Detector.ZSCORE);
        FoundAnomaly first = found.get(0);
        assertThat(first.observedAt()).isAfter(NoiseSimulation.at(driftFrom));
        assertThat(first.explanation()).contains("flue gas temperature has").contains("60-min mean");
    }

    @Test
    void theFirstLookAtBackFilledHistoryRaisesNothingAndAPointIsExaminedOnce() {
        long[] times = new long[360];
        double[] values = new double[360];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 10_000L;
            values[i] = i % 50 == 49 ? 500 : 180 + (i % 3); // wild excursions in the back-filled history
        }
        SensorSeries window = new SensorSeries("fg-1", "flue_gas_temperature", times, values);
        SensorDetectors.Outcome first = SensorDetectors.examine(DEFAULTS, NoiseSimulation.SENSOR, window,
                SensorDetectors.noState());
        assertThat(first.anomalies()).isEmpty();
        assertThat(first.states()).hasSize(3).allMatch(s -> s.examinedUntil().equals(Instant.ofEpochMilli(times[359])));

        values[359] = 900; // the same window again, even with a changed last value: nothing is examined twice
        assertThat(SensorDetectors.examine(DEFAULTS, NoiseSimulation.SENSOR, window, byDetector(first)).anomalies())
                .isEmpty();
    }

    @Test
    void frozenStaleAndOnOffSensorsAreNotFedToTheDetectorsButTheirPointsCountAsExamined() {
        SensorSeries history = series(360, i -> 180 + (i % 3));
        Map<Detector, DetectorState> states = byDetector(SensorDetectors.examine(DEFAULTS, NoiseSimulation.SENSOR,
                history, SensorDetectors.noState()));
        SensorSeries frozen = series(372, i -> i < 360 ? 180 + (i % 3) : 999);
        SensorDetectors.Outcome outcome = SensorDetectors.examine(DEFAULTS, NoiseSimulation.SENSOR, frozen, states);
        assertThat(outcome.anomalies()).as("frozen: the last 10 readings are equal").isEmpty();
        assertThat(outcome.states()).allMatch(s -> s.examinedUntil().equals(Instant.ofEpochMilli(371 * 10_000L)));

        SensorSeries jump = series(366, i -> i < 360 ? 180 + (i % 3) : 400 + i);
        assertThat(SensorDetectors.examine(DEFAULTS, new ExaminedSensor("fg-1", "flue_gas_temperature", "°C", true),
                jump, states).anomalies()).as("stale").isEmpty();
        assertThat(SensorDetectors.examine(DEFAULTS, new ExaminedSensor("b-1", "burner_state", "", false), jump,
                states).anomalies()).as("burner on/off").isEmpty();
        assertThat(SensorDetectors.examine(DEFAULTS, NoiseSimulation.SENSOR, jump, states).anomalies())
                .as("the same jump on a live process sensor").isNotEmpty();
    }

    @Test
    void aBaselineWithoutSpreadGivesNoScoreNotADivisionByZero() {
        SensorSeries flat = series(360, i -> 180);
        Map<Detector, DetectorState> states = byDetector(SensorDetectors.examine(DEFAULTS, NoiseSimulation.SENSOR, flat,
                SensorDetectors.noState()));
        SensorSeries jump = series(366, i -> i < 360 ? 180 : 181 + i % 2);
        SensorDetectors.Outcome outcome = SensorDetectors.examine(DEFAULTS, NoiseSimulation.SENSOR, jump, states);
        assertThat(outcome.anomalies()).isEmpty();
        assertThat(outcome.states()).allMatch(s -> Double.isFinite(s.statistic()) && Double.isFinite(s.statisticLower()));
    }

    @Test
    void explanationsUseTheSensorsScale() {
        assertThat(Explanations.number(212.4)).isEqualTo("212.4");
        assertThat(Explanations.number(10.55)).isEqualTo("10.55");
        assertThat(Explanations.number(10.0)).isEqualTo("10");
        assertThat(Explanations.number(0.3124)).isEqualTo("0.312");
        assertThat(Explanations.number(-4.25)).isEqualTo("-4.25");
    }

    private static SensorSeries series(int n, java.util.function.IntToDoubleFunction value) {
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = i * 10_000L;
            values[i] = value.applyAsDouble(i);
        }
        return new SensorSeries("fg-1", "flue_gas_temperature", times, values);
    }

    private static Map<Detector, DetectorState> byDetector(SensorDetectors.Outcome outcome) {
        Map<Detector, DetectorState> states = new EnumMap<>(Detector.class);
        outcome.states().forEach(state -> states.put(state.detector(), state));
        return states;
    }
}
