package org.steambytes.analytics.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.steambytes.common.reading.SensorSeries;

/**
 * Drives {@link SensorDetectors} as the analytics cycle does — every {@code cycleS} seconds over the
 * last {@code windowMinutes} of readings at one per {@code sampleS} seconds — over a simulated signal.
 */
final class NoiseSimulation {

    static final ExaminedSensor SENSOR = new ExaminedSensor("fg-1", "flue_gas_temperature", "°C", false);

    private NoiseSimulation() {
    }

    /** Gaussian noise around 180 with σ 2, from a fixed seed. */
    static LongToDoubleFunction steadyNoise(long seed) {
        Random random = new Random(seed);
        return t -> 180 + 2 * random.nextGaussian();
    }

    /** Every anomaly the detectors report over {@code seconds} of the signal (sampled in time order). */
    static List<FoundAnomaly> run(DetectorSettings settings, LongToDoubleFunction signal, long seconds, int sampleS,
            int cycleS) {
        int perWindow = settings.windowMinutes() * 60 / sampleS;
        long[] times = new long[(int) (seconds / sampleS)];
        double[] values = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = (long) i * sampleS * 1000;
            values[i] = signal.applyAsDouble(times[i] / 1000);
        }
        Map<Detector, DetectorState> states = new EnumMap<>(Detector.class);
        List<FoundAnomaly> found = new ArrayList<>();
        int perCycle = cycleS / sampleS;
        for (int end = perCycle; end <= times.length; end += perCycle) {
            int start = Math.max(0, end - perWindow);
            SensorSeries window = new SensorSeries(SENSOR.sensorId(), SENSOR.sensorType(),
                    Arrays.copyOfRange(times, start, end), Arrays.copyOfRange(values, start, end));
            SensorDetectors.Outcome outcome = SensorDetectors.examine(settings, SENSOR, window, states);
            found.addAll(outcome.anomalies());
            states = new EnumMap<>(Detector.class);
            for (DetectorState state : outcome.states()) {
                states.put(state.detector(), state);
            }
        }
        return found;
    }

    static Instant at(long seconds) {
        return Instant.ofEpochSecond(seconds);
    }
}
