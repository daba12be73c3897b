package org.steambytes.analytics.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steambytes.analytics.statistics.WindowStatistics;
import org.steambytes.common.reading.SensorSeries;

/**
 * Runs the three detectors over the points of one sensor that are new since they last looked
 * (docs/DOMAIN.md "Analytics", "False-alarm budget"). Pure: window and states in, anomalies and states
 * out.
 * <ul>
 * <li>A point is examined once: each detector remembers the newest point it examined. A detector
 * without state (a new sensor, the first cycle on back-filled history) examines nothing and starts
 * after the newest point, so history never raises a burst.</li>
 * <li>The baseline (μ0, σ) is the mean and sample standard deviation of the window's points older than
 * the new ones — the preceding window. Fewer than {@value #MIN_BASELINE} of them, or no spread: no
 * baseline, nothing judged (no division by zero), the points count as examined.</li>
 * <li>Not fed to the detectors: on/off and lockout signals, stale sensors, and frozen ones (the last
 * {@value #FROZEN_SAMPLES} readings all equal).</li>
 * <li>After an alarm the detector restarts (run 0, EWMA from μ0, CUSUM sums 0): one fault is one
 * anomaly per detector, not one per sample.</li>
 * </ul>
 */
public final class SensorDetectors {

    static final int MIN_BASELINE = 10;
    static final int FROZEN_SAMPLES = 10;
    private static final Set<String> NOT_PROCESS_VALUES = Set.of("burner_state", "lockout");

    /** What examining one sensor gave: its anomalies and its detectors' new states (always all three). */
    public record Outcome(List<FoundAnomaly> anomalies, List<DetectorState> states) {
    }

    private SensorDetectors() {
    }

    public static Outcome examine(DetectorSettings settings, ExaminedSensor sensor, SensorSeries series,
            Map<Detector, DetectorState> before) {
        List<FoundAnomaly> anomalies = new ArrayList<>();
        List<DetectorState> states = new ArrayList<>();
        int n = series == null ? 0 : series.size();
        Instant newest = n == 0 ? null : Instant.ofEpochMilli(series.timesMs()[n - 1]);
        boolean judged = n > 0 && !sensor.stale() && !NOT_PROCESS_VALUES.contains(sensor.sensorType())
                && !frozen(series.values());
        for (Detector detector : Detector.values()) {
            DetectorState state = before.get(detector);
            if (newest == null) {
                if (state != null) {
                    states.add(state);
                }
                continue;
            }
            if (state == null) {
                states.add(DetectorState.fresh(sensor.sensorId(), detector, newest));
                continue;
            }
            int first = firstAfter(series.timesMs(), state.examinedUntil().toEpochMilli());
            if (first == n) {
                states.add(state);
                continue;
            }
            WindowStatistics baseline = first >= MIN_BASELINE
                    ? WindowStatistics.of(Arrays.copyOfRange(series.values(), 0, first)) : null;
            if (!judged || baseline == null || baseline.stddev() == null || !(baseline.stddev() > 0)) {
                states.add(state.examinedTo(newest));
                continue;
            }
            Baseline base = new Baseline(sensor, settings, baseline.mean(), baseline.stddev());
            states.add(switch (detector) {
                case ZSCORE -> zscore(base, state, series, first, anomalies);
                case EWMA -> ewma(base, state, series, first, anomalies);
                case CUSUM -> cusum(base, state, series, first, anomalies);
            });
        }
        return new Outcome(anomalies, states);
    }

    private static DetectorState zscore(Baseline base, DetectorState state, SensorSeries series, int first,
            List<FoundAnomaly> found) {
        DetectorSettings settings = base.settings();
        long run = state.samples();
        for (int i = first; i < series.size(); i++) {
            double x = series.values()[i];
            double z = (x - base.mean()) / base.sigma();
            run = Math.abs(z) > settings.zscoreThreshold() ? run + 1 : 0;
            if (run >= settings.zscoreConsecutive()) {
                found.add(new FoundAnomaly(base.sensor().sensorId(), Detector.ZSCORE, at(series, i), x, Math.abs(z),
                        settings.zscoreThreshold(), Explanations.zscore(base, x, z, run)));
                run = 0;
            }
        }
        return new DetectorState(state.sensorId(), Detector.ZSCORE, at(series, series.size() - 1), run, 0, 0);
    }

    private static DetectorState ewma(Baseline base, DetectorState state, SensorSeries series, int first,
            List<FoundAnomaly> found) {
        DetectorSettings settings = base.settings();
        EwmaChart chart = new EwmaChart(settings.ewmaLambda(), settings.ewmaLimitSigma(), base.mean(), base.sigma());
        EwmaChart.State chartState = state.samples() == 0 ? chart.start()
                : new EwmaChart.State(state.samples(), state.statistic());
        for (int i = first; i < series.size(); i++) {
            double x = series.values()[i];
            EwmaChart.Step step = chart.step(chartState, x);
            chartState = step.state();
            if (step.alarm()) {
                double score = step.score(base.mean()) * settings.ewmaLimitSigma();
                found.add(new FoundAnomaly(base.sensor().sensorId(), Detector.EWMA, at(series, i), x, score,
                        settings.ewmaLimitSigma(), Explanations.ewma(base, step)));
                chartState = chart.start();
            }
        }
        return new DetectorState(state.sensorId(), Detector.EWMA, at(series, series.size() - 1), chartState.t(),
                chartState.z(), 0);
    }

    private static DetectorState cusum(Baseline base, DetectorState state, SensorSeries series, int first,
            List<FoundAnomaly> found) {
        DetectorSettings settings = base.settings();
        TabularCusum cusum = new TabularCusum(base.mean(), base.sigma(), settings.cusumKSigma(), settings.cusumHSigma());
        TabularCusum.State sums = new TabularCusum.State(state.statistic(), state.statisticLower());
        for (int i = first; i < series.size(); i++) {
            double x = series.values()[i];
            TabularCusum.Step step = cusum.step(sums, x);
            sums = step.state();
            if (step.alarm()) {
                double score = step.score() * settings.cusumHSigma();
                found.add(new FoundAnomaly(base.sensor().sensorId(), Detector.CUSUM, at(series, i), x, score,
                        settings.cusumHSigma(), Explanations.cusum(base, x, score, step.upward())));
                sums = TabularCusum.State.ZERO;
            }
        }
        return new DetectorState(state.sensorId(), Detector.CUSUM, at(series, series.size() - 1), 0, sums.upper(),
                sums.lower());
    }

    /** The last {@value #FROZEN_SAMPLES} readings all equal: a transmitter stuck at one value. */
    static boolean frozen(double[] values) {
        if (values.length < FROZEN_SAMPLES) {
            return false;
        }
        double last = values[values.length - 1];
        for (int i = values.length - FROZEN_SAMPLES; i < values.length; i++) {
            if (Double.compare(values[i], last) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first point after {@code examinedUntilMs} (times ascending); the size when none. */
    private static int firstAfter(long[] timesMs, long examinedUntilMs) {
        int low = 0;
        int high = timesMs.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (timesMs[mid] <= examinedUntilMs) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static Instant at(SensorSeries series, int index) {
        return Instant.ofEpochMilli(series.timesMs()[index]);
    }

    /** What the new points are judged against: the preceding window's mean and standard deviation. */
    record Baseline(ExaminedSensor sensor, DetectorSettings settings, double mean, double sigma) {
    }

    /** An empty state map: a sensor whose detectors have examined nothing yet. */
    public static Map<Detector, DetectorState> noState() {
        return new EnumMap<>(Detector.class);
    }
}
