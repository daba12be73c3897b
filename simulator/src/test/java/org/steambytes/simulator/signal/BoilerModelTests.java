package org.steambytes.simulator.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated boiler behaves like docs/DOMAIN.md's plant: consistent physics, a daily swing, faults that show. */
class BoilerModelTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant MIDNIGHT = ZonedDateTime.of(2026, 11, 27, 0, 0, 0, 0, BERLIN).toInstant();

    @Test
    void steamTemperatureIsTheSaturationTemperatureOfTheSteamPressure() {
        BoilerModel model = model(1, false);
        for (Instant at = MIDNIGHT; at.isBefore(MIDNIGHT.plus(Duration.ofDays(1))); at = at.plusSeconds(60)) {
            Map<String, Double> values = byType(model.step(at));
            double saturation = SteamTables.saturationTemperature(SteamTables.absolute(values.get("steam_pressure")));
            // Each transmitter has its own noise (0.15 K, 0.04 bar ≈ 0.13 K): 1 K is more than 4 σ of both.
            assertThat(values.get("steam_temperature")).as("steam temperature at " + at).isCloseTo(saturation, within(1.0));
            assertThat(values.get("steam_pressure")).isBetween(9.5, 10.6);
        }
    }

    @Test
    void theLoadSwingsOverTheSiteDay() {
        BoilerModel model = model(2, false);
        DoubleSummaryStatistics night = new DoubleSummaryStatistics();
        DoubleSummaryStatistics afternoon = new DoubleSummaryStatistics();
        DoubleSummaryStatistics nightFlue = new DoubleSummaryStatistics();
        DoubleSummaryStatistics afternoonFlue = new DoubleSummaryStatistics();
        for (Instant at = MIDNIGHT; at.isBefore(MIDNIGHT.plus(Duration.ofDays(1))); at = at.plusSeconds(30)) {
            Map<String, Double> values = byType(model.step(at));
            int hour = at.atZone(BERLIN).getHour();
            if (hour >= 1 && hour < 4) {
                night.accept(values.get("steam_flow"));
                nightFlue.accept(values.get("flue_gas_temperature"));
            } else if (hour >= 13 && hour < 16) {
                afternoon.accept(values.get("steam_flow"));
                afternoonFlue.accept(values.get("flue_gas_temperature"));
            }
        }
        // 12 t/h rated, 40 % at night, 90 % mid-afternoon (DailyLoad).
        assertThat(night.getAverage()).isBetween(4_300.0, 5_600.0);
        assertThat(afternoon.getAverage()).isBetween(10_000.0, 11_200.0);
        assertThat(afternoonFlue.getAverage() - nightFlue.getAverage()).as("flue gas hotter at high load").isGreaterThan(30);
        assertThat(afternoonFlue.getMax()).isLessThan(225); // the demo's threshold: a clean boiler stays below it
    }

    @Test
    void fuelFlowFollowsTheSteamsHeatOverTheEfficiency() {
        BoilerModel model = model(3, false);
        DoubleSummaryStatistics efficiencies = new DoubleSummaryStatistics();
        for (Instant at = MIDNIGHT; at.isBefore(MIDNIGHT.plus(Duration.ofHours(24))); at = at.plusSeconds(60)) {
            Map<String, Double> v = byType(model.step(at));
            double output = v.get("steam_flow") * (SteamTables.saturatedSteamEnthalpy(SteamTables.absolute(v.get("steam_pressure")))
                    - SteamTables.feedwaterEnthalpy(v.get("feedwater_temperature")));
            double efficiency = 100 * output / (v.get("fuel_flow") * 36_000);
            efficiencies.accept(efficiency);
            // Steam and gas meters each have 1 % noise: one reading's ratio is off by up to about 6 points (4 σ).
            assertThat(efficiency).as("direct efficiency at " + at).isBetween(82.0, 94.0);
            assertThat(v.get("feedwater_flow") / v.get("steam_flow")).isBetween(0.97, 1.09); // steam + 3 % blowdown, two meters of 1 % noise
            assertThat(v.get("flue_gas_o2")).isBetween(2.0, 4.2);
        }
        // docs/DOMAIN.md "Direct method": a clean gas-fired shell boiler, 88 % less a little excess air at low load.
        assertThat(efficiencies.getAverage()).isBetween(87.0, 88.5);
    }

    @Test
    void foulingRaisesTheFlueGasTemperatureOverHoursAndCostsFuel() {
        BoilerModel clean = model(4, false);
        BoilerModel fouled = model(4, false);
        Instant start = MIDNIGHT.plus(Duration.ofHours(8));
        fouled.faults().add(new Fault.Fouling(start, Duration.ofHours(4), start.plus(Duration.ofHours(6)), 35));
        List<Double> rise = new ArrayList<>();
        List<Double> extraFuel = new ArrayList<>();
        for (Instant at = start.minus(Duration.ofHours(1)); at.isBefore(start.plus(Duration.ofHours(7))); at = at.plusSeconds(60)) {
            Map<String, Double> a = byType(clean.step(at));
            Map<String, Double> b = byType(fouled.step(at));
            rise.add(b.get("flue_gas_temperature") - a.get("flue_gas_temperature"));
            extraFuel.add(b.get("fuel_flow") / a.get("fuel_flow") - 1);
        }
        // Same seed, same noise: the difference is the fault alone.
        assertThat(rise.get(30)).as("before the fault").isCloseTo(0, within(0.02));
        assertThat(rise.get(60 + 120)).as("halfway up the ramp").isCloseTo(17.5, within(0.05));
        assertThat(rise.get(60 + 240)).as("at the top").isCloseTo(35, within(0.05));
        assertThat(rise.get(60 + 60)).isLessThan(rise.get(60 + 180));
        assertThat(rise.get(60 + 7 * 60 - 1)).as("cleaned after 6 h").isCloseTo(0, within(0.02));
        // About 1 % efficiency per 21 K (docs/DOMAIN.md): 35 K → 1.67 points of ~88 → ~1.9 % more gas.
        assertThat(extraFuel.get(60 + 300)).isCloseTo(35 / 21.0 / 86.3, within(0.004));
    }

    @Test
    void aFrozenSensorRepeatsItsLastValueExactly() {
        BoilerModel model = model(5, false);
        Instant start = MIDNIGHT.plus(Duration.ofHours(10));
        model.faults().add(new Fault.FrozenSensor(start, start.plus(Duration.ofMinutes(15)), "feedwater_temperature"));
        List<Double> feedwater = new ArrayList<>();
        List<Double> pressure = new ArrayList<>();
        for (Instant at = start.minus(Duration.ofMinutes(5)); at.isBefore(start.plus(Duration.ofMinutes(25))); at = at.plusSeconds(10)) {
            Map<String, Double> values = byType(model.step(at));
            feedwater.add(values.get("feedwater_temperature"));
            pressure.add(values.get("steam_pressure"));
        }
        double lastBefore = feedwater.get(29);
        List<Double> during = feedwater.subList(30, 30 + 90);
        assertThat(during).hasSize(90).allMatch(value -> value.equals(lastBefore));
        assertThat(pressure.subList(30, 120).stream().distinct().count()).as("the others keep moving").isGreaterThan(10);
        assertThat(feedwater.subList(0, 30).stream().distinct().count()).isGreaterThan(5);
        assertThat(feedwater.subList(121, 180).stream().distinct().count()).as("thawed").isGreaterThan(5);
    }

    @Test
    void anO2ExcursionDropsO2UnderOnePercentAndRaisesCo() {
        BoilerModel model = model(6, false);
        Instant start = MIDNIGHT.plus(Duration.ofHours(11));
        model.faults().add(new Fault.O2Excursion(start, start.plus(Duration.ofMinutes(8)), 0.6));
        Map<Instant, Map<String, Double>> series = new java.util.TreeMap<>();
        for (Instant at = start.minus(Duration.ofMinutes(5)); at.isBefore(start.plus(Duration.ofMinutes(30))); at = at.plusSeconds(10)) {
            series.put(at, byType(model.step(at)));
        }
        assertThat(series.get(start.minusSeconds(60)).get("flue_gas_o2")).isBetween(2.0, 4.0);
        assertThat(series.get(start.minusSeconds(60)).get("flue_gas_co")).isLessThan(50);
        assertThat(series.get(start.plus(Duration.ofMinutes(6))).get("flue_gas_o2")).isLessThan(1.0);
        assertThat(series.get(start.plus(Duration.ofMinutes(6))).get("flue_gas_co")).isGreaterThan(100);
        assertThat(series.get(start.plus(Duration.ofMinutes(25))).get("flue_gas_o2")).isGreaterThan(2.0);
    }

    @Test
    void valuesStayInsideTheSensorsValidRangesThroughAWeekOfFaults() {
        for (long seed = 10; seed < 13; seed++) {
            BoilerModel model = model(seed, true);
            for (Instant at = MIDNIGHT; at.isBefore(MIDNIGHT.plus(Duration.ofDays(7))); at = at.plusSeconds(30)) {
                for (SensorValue value : model.step(at)) {
                    assertThat(value.value()).as(value.sensor().sensorType() + " at " + at)
                            .isFinite().isBetween(value.sensor().minValid(), value.sensor().maxValid());
                }
            }
        }
    }

    @Test
    void faultsComeNowAndThenWhenOnAndNeverWhenOff() {
        BoilerModel on = model(20, true);
        BoilerModel off = model(20, false);
        List<Fault> seen = new ArrayList<>();
        for (Instant at = MIDNIGHT; at.isBefore(MIDNIGHT.plus(Duration.ofDays(3))); at = at.plusSeconds(10)) {
            on.step(at);
            off.step(at);
            on.faults().all().stream().filter(fault -> !seen.contains(fault)).forEach(seen::add);
            assertThat(off.faults().all()).isEmpty();
        }
        Map<Class<?>, Long> kinds = seen.stream().collect(Collectors.groupingBy(Object::getClass, Collectors.counting()));
        assertThat(kinds.keySet()).contains(Fault.Fouling.class, Fault.O2Excursion.class, Fault.FrozenSensor.class);
        // Mean gaps 90 min and 2 h: tens in three days, not hundreds.
        assertThat(kinds.get(Fault.O2Excursion.class)).isBetween(20L, 80L);
        assertThat(kinds.get(Fault.FrozenSensor.class)).isBetween(15L, 60L);
    }

    @Test
    void theBurnerIsOnExactly() {
        BoilerModel model = model(40, true);
        for (Instant at = MIDNIGHT; at.isBefore(MIDNIGHT.plus(Duration.ofHours(1))); at = at.plusSeconds(10)) {
            assertThat(byType(model.step(at)).get("burner_state")).isEqualTo(1.0);
        }
    }

    @Test
    void theSameSeedGivesTheSameBoiler() {
        BoilerModel a = model(30, true);
        BoilerModel b = model(30, true);
        for (Instant at = MIDNIGHT; at.isBefore(MIDNIGHT.plus(Duration.ofHours(6))); at = at.plusSeconds(10)) {
            assertThat(byType(a.step(at))).isEqualTo(byType(b.step(at)));
        }
    }

    private static BoilerModel model(long seed, boolean faults) {
        return new BoilerModel(BoilerDesign.typical(BERLIN), BoilerSensors.ALL, seed, faults);
    }

    private static Map<String, Double> byType(List<SensorValue> values) {
        return values.stream().collect(Collectors.toMap(value -> value.sensor().sensorType(), SensorValue::value,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }

}
