package org.steambytes.simulator.signal;

import java.util.List;
import java.util.Optional;

/**
 * The usual instruments of a gas-fired shell boiler, by docs/DOMAIN.md "Sensor types": the inputs of
 * both efficiency methods (docs/DOMAIN.md "Efficiency") and the water-side sensors. Valid ranges follow
 * "Valid ranges": wide, so they catch a broken transmitter, not a boiler leaving its band.
 */
public final class BoilerSensors {

    public static final BoilerSensor STEAM_PRESSURE =
            new BoilerSensor("steam-pressure", "steam_pressure", "bar", -1, 250, "Steam pressure");
    public static final BoilerSensor STEAM_TEMPERATURE =
            new BoilerSensor("steam-temp", "steam_temperature", "°C", -50, 1000, "Steam temperature");
    public static final BoilerSensor STEAM_FLOW =
            new BoilerSensor("steam-flow", "steam_flow", "kg/h", 0, 200_000, "Steam flow");
    public static final BoilerSensor FEEDWATER_FLOW =
            new BoilerSensor("feedwater-flow", "feedwater_flow", "kg/h", 0, 200_000, "Feedwater flow");
    public static final BoilerSensor FEEDWATER_TEMPERATURE =
            new BoilerSensor("feedwater-temp", "feedwater_temperature", "°C", -50, 1000, "Feedwater temperature");
    public static final BoilerSensor DRUM_LEVEL =
            new BoilerSensor("drum-level", "drum_water_level", "mm", -1000, 1000, "Drum water level");
    public static final BoilerSensor FLUE_GAS_TEMPERATURE =
            new BoilerSensor("flue-gas-temp", "flue_gas_temperature", "°C", -50, 1000, "Flue gas temperature");
    public static final BoilerSensor FLUE_GAS_O2 =
            new BoilerSensor("o2", "flue_gas_o2", "%", 0, 21, "Flue gas O2");
    public static final BoilerSensor FLUE_GAS_CO =
            new BoilerSensor("co", "flue_gas_co", "ppm", 0, 10_000, "Flue gas CO");
    public static final BoilerSensor FUEL_FLOW =
            new BoilerSensor("fuel-flow", "fuel_flow", "Nm³/h", 0, 20_000, "Gas flow");
    public static final BoilerSensor CONDUCTIVITY =
            new BoilerSensor("conductivity", "conductivity", "µS/cm", 0, 20_000, "Boiler water conductivity");
    public static final BoilerSensor AMBIENT_TEMPERATURE =
            new BoilerSensor("ambient-temp", "ambient_temperature", "°C", -50, 1000, "Combustion air temperature");
    public static final BoilerSensor BURNER_STATE =
            new BoilerSensor("burner", "burner_state", "on/off", 0, 1, "Burner on");

    public static final List<BoilerSensor> ALL = List.of(STEAM_PRESSURE, STEAM_TEMPERATURE, STEAM_FLOW, FEEDWATER_FLOW,
            FEEDWATER_TEMPERATURE, DRUM_LEVEL, FLUE_GAS_TEMPERATURE, FLUE_GAS_O2, FLUE_GAS_CO, FUEL_FLOW, CONDUCTIVITY,
            AMBIENT_TEMPERATURE, BURNER_STATE);

    private BoilerSensors() {
    }

    public static Optional<BoilerSensor> ofType(String sensorType) {
        return ALL.stream().filter(sensor -> sensor.sensorType().equals(sensorType)).findFirst();
    }
}
