package org.steambytes.simulator.signal;

/**
 * One transmitter of the simulated boiler: its id within the site ({@code <prefix>-<suffix>}), its
 * {@code sensor_type} and canonical unit (docs/DOMAIN.md "Sensor types") and the valid range it is created
 * with (docs/DOMAIN.md "Valid ranges"), which every simulated value stays inside so ingestion never
 * refuses it.
 */
public record BoilerSensor(String suffix, String sensorType, String unit, double minValid, double maxValid,
        String name) {

    public String sensorId(String prefix) {
        return prefix + "-" + suffix;
    }

    /** The value pulled inside the valid range, bounds included (as iot-ingestion checks it; an on/off signal stays 0 or 1). */
    public double clamp(double value) {
        return Math.max(minValid, Math.min(maxValid, value));
    }
}
