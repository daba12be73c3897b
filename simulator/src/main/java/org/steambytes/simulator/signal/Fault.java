package org.steambytes.simulator.signal;

import java.time.Duration;
import java.time.Instant;

/**
 * What goes wrong now and then in the simulated boiler, each a case docs/DOMAIN.md says SteamBytes
 * must catch: slow degradation (fouling), poor combustion (an O2 excursion) and a drifting or stuck
 * transmitter (a frozen sensor).
 */
public sealed interface Fault {

    Instant start();

    Instant end();

    default boolean activeAt(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /**
     * Fouling of the heating surfaces over hours: the flue gas gets hotter, rising linearly to
     * {@code riseKelvin} over {@code ramp} and staying there until the tubes are cleaned at {@code end}.
     * It costs about 1 % efficiency per 20–22 K (docs/DOMAIN.md "Sensor types", flue_gas_temperature).
     */
    record Fouling(Instant start, Duration ramp, Instant end, double riseKelvin) implements Fault {

        public double riseAt(Instant at) {
            if (!activeAt(at)) {
                return 0;
            }
            double elapsed = Duration.between(start, at).toMillis();
            return riseKelvin * Math.min(1.0, elapsed / ramp.toMillis());
        }
    }

    /** The burner's O2 trim goes wrong for minutes: O2 heads for {@code targetPct} (below 1 % means CO). */
    record O2Excursion(Instant start, Instant end, double targetPct) implements Fault {
    }

    /** A transmitter stuck at one value: the sensor of {@code sensorType} repeats its last value exactly. */
    record FrozenSensor(Instant start, Instant end, String sensorType) implements Fault {
    }
}
