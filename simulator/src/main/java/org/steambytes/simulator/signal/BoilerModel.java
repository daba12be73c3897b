package org.steambytes.simulator.signal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One simulated boiler, stepped forward in time: the steam demand follows the site's day
 * ({@link DailyLoad}), and every signal follows from it the way docs/DOMAIN.md describes the plant —
 * the steam temperature is the saturation temperature of the steam pressure ("Steam properties"),
 * the gas flow is the steam's heat over the efficiency and the calorific value ("Direct method"),
 * the flue gas gets hotter with load and with fouling (1 % efficiency per about 21 K, "Sensor types"),
 * O2 sits around its setpoint with more excess air at low load. Each value carries Gaussian noise and
 * is rounded like a transmitter's; every value stays inside its sensor's valid range. Faults come from
 * a {@link FaultSchedule} on the same seeded random numbers, so a seed repeats a run exactly.
 */
public final class BoilerModel {

    /** Blowdown share of the feedwater (docs/DOMAIN.md "Direct method", Blowdown): feedwater ≈ steam + blowdown. */
    static final double BLOWDOWN_FRACTION = 0.03;
    /** The load at which the flue gas temperature and O2 sit at their middle values. */
    private static final double MID_LOAD = 0.65;
    private static final Duration BLOWDOWN_CYCLE = Duration.ofHours(3);

    private final BoilerDesign design;
    private final List<BoilerSensor> sensors;
    private final Random random;
    private final FaultSchedule faults;
    private final Map<String, Double> lastValues = new HashMap<>();
    private final Map<String, Double> frozenValues = new HashMap<>();
    private double loadWander;
    private double o2;
    private Instant last;

    public BoilerModel(BoilerDesign design, List<BoilerSensor> sensors, long seed, boolean faultsOn) {
        this.design = design;
        this.sensors = List.copyOf(sensors);
        this.random = new Random(seed);
        this.faults = new FaultSchedule(faultsOn, random);
        this.o2 = design.o2SetpointPct();
    }

    public FaultSchedule faults() {
        return faults;
    }

    public BoilerDesign design() {
        return design;
    }

    public List<BoilerSensor> sensors() {
        return sensors;
    }

    /** Every sensor's reading at {@code at}, which must not be before the previous step's. */
    public List<SensorValue> step(Instant at) {
        double dtSeconds = last == null ? 10 : Math.max(0.001, Duration.between(last, at).toMillis() / 1000.0);
        last = at;
        faults.advance(at);
        List<Fault> active = faults.activeAt(at);

        // The plant's true state.
        loadWander = loadWander * Math.exp(-dtSeconds / 900) + noise(0.004 * Math.sqrt(dtSeconds / 10));
        loadWander = Math.max(-0.05, Math.min(0.05, loadWander));
        double load = DailyLoad.fraction(at, design.zone()) + loadWander;
        double steamFlow = design.ratedSteamKgH() * load;
        double pressure = design.pressureSetpointBarG() - 0.8 * (load - MID_LOAD);
        double saturation = SteamTables.saturationTemperature(SteamTables.absolute(pressure));
        double feedwater = design.feedwaterC();
        double ambient = ambientAt(at);
        double o2Target = design.o2SetpointPct() + 0.8 * (MID_LOAD - load);
        for (Fault fault : active) {
            if (fault instanceof Fault.O2Excursion excursion) {
                o2Target = excursion.targetPct();
            }
        }
        o2 += (o2Target - o2) * (1 - Math.exp(-dtSeconds / 60));
        double fouling = active.stream().filter(Fault.Fouling.class::isInstance)
                .mapToDouble(fault -> ((Fault.Fouling) fault).riseAt(at)).sum();
        double flueGas = 130 + 80 * load + fouling + 0.3 * (ambient - 18);
        double efficiency = efficiencyPct(fouling, o2);
        double heatKjH = steamFlow * (SteamTables.saturatedSteamEnthalpy(SteamTables.absolute(pressure))
                - SteamTables.feedwaterEnthalpy(feedwater));
        double fuelFlow = heatKjH / (efficiency / 100 * design.calorificValueMj() * 1000);
        double co = 15 + Math.max(0, 1.5 - o2) * 400;
        double cycle = (at.toEpochMilli() % BLOWDOWN_CYCLE.toMillis()) / (double) BLOWDOWN_CYCLE.toMillis();
        double conductivity = 2800 + 400 * cycle;
        double level = 8 * Math.sin(2 * Math.PI * at.toEpochMilli() / 420_000.0);

        // What the transmitters read.
        Map<String, Double> measured = new HashMap<>();
        measured.put("steam_pressure", round(pressure + noise(0.04), 3));
        measured.put("steam_temperature", round(saturation + noise(0.15), 2));
        measured.put("steam_flow", round(steamFlow * (1 + noise(0.01)), 1));
        measured.put("feedwater_flow", round(steamFlow / (1 - BLOWDOWN_FRACTION) * (1 + noise(0.01)), 1));
        measured.put("feedwater_temperature", round(feedwater + noise(0.25), 2));
        measured.put("drum_water_level", round(level + noise(3), 1));
        measured.put("flue_gas_temperature", round(flueGas + noise(0.8), 2));
        measured.put("flue_gas_o2", round(o2 + noise(0.08), 2));
        measured.put("flue_gas_co", round(co + Math.abs(noise(4)), 1));
        measured.put("fuel_flow", round(fuelFlow * (1 + noise(0.01)), 1));
        measured.put("conductivity", round(conductivity + noise(10), 1));
        measured.put("ambient_temperature", round(ambient + noise(0.2), 2));
        measured.put("burner_state", 1.0);

        List<String> stuck = active.stream().filter(Fault.FrozenSensor.class::isInstance)
                .map(fault -> ((Fault.FrozenSensor) fault).sensorType()).toList();
        frozenValues.keySet().retainAll(stuck);
        List<SensorValue> values = new ArrayList<>(sensors.size());
        for (BoilerSensor sensor : sensors) {
            String type = sensor.sensorType();
            double value = measured.getOrDefault(type, 0.0);
            if (stuck.contains(type)) {
                value = frozenValues.computeIfAbsent(type, t -> lastValues.getOrDefault(t, measured.getOrDefault(t, 0.0)));
            }
            value = sensor.clamp(value);
            lastValues.put(type, value);
            values.add(new SensorValue(sensor, value, at));
        }
        return values;
    }

    /**
     * The direct efficiency the fuel meter follows: clean boiler's, less about 1 point per 21 K of
     * fouling, less 0.4 points per point of O2 above the setpoint (excess air heated up the stack).
     */
    double efficiencyPct(double foulingKelvin, double o2Pct) {
        double efficiency = design.cleanEfficiencyPct() - foulingKelvin / 21.0 - 0.4 * (o2Pct - design.o2SetpointPct());
        return Math.max(60, Math.min(95, efficiency));
    }

    /** Combustion air: 14–22 °C in the boiler house, warmest mid-afternoon. */
    private double ambientAt(Instant at) {
        ZonedDateTime local = at.atZone(design.zone());
        double hour = local.getHour() + local.getMinute() / 60.0;
        return 18 + 4 * Math.cos(2 * Math.PI * (hour - 15) / 24);
    }

    private double noise(double sigma) {
        return random.nextGaussian() * sigma;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
