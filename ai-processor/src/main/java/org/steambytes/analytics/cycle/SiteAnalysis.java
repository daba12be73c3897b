package org.steambytes.analytics.cycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.steambytes.analytics.efficiency.CombustionEfficiency;
import org.steambytes.analytics.efficiency.DirectEfficiency;
import org.steambytes.analytics.result.SiteResults;
import org.steambytes.analytics.result.SiteResults.Efficiency;
import org.steambytes.analytics.result.SiteResults.SensorResult;
import org.steambytes.analytics.site.AnalysedSite;
import org.steambytes.analytics.site.SiteAnalyticsConfig;
import org.steambytes.analytics.statistics.Trend;
import org.steambytes.analytics.statistics.WindowStatistics;
import org.steambytes.common.reading.SensorSeries;

/**
 * Analyses one site's window (docs/DOMAIN.md "Analytics", "Efficiency"): per sensor the window
 * statistics, the trend and the time to its threshold rule's limit, staleness; for the site the
 * direct and the combustion efficiency from the window means of fresh inputs. Pure: the readings
 * come in, the results go out.
 */
final class SiteAnalysis {

    private SiteAnalysis() {
    }

    static SiteResults analyse(AnalysedSite site, Instant windowStart, Instant windowEnd, List<SensorSeries> window,
            Instant computedAt) {
        Map<String, SensorSeries> bySensor = new LinkedHashMap<>();
        window.forEach(series -> bySensor.put(series.sensorId(), series));
        List<SensorResult> sensors = new ArrayList<>();
        for (AnalysedSite.Sensor sensor : site.sensors()) {
            sensors.add(sensor(site, sensor, bySensor.get(sensor.sensorId()), windowEnd));
        }
        boolean stale = !sensors.isEmpty() && sensors.stream().allMatch(SensorResult::stale);
        Map<String, SensorResult> byId = new LinkedHashMap<>();
        sensors.forEach(result -> byId.put(result.sensorId(), result));
        return new SiteResults(site.siteId(), windowStart, windowEnd, computedAt, stale, sensors,
                direct(site, byId), combustion(site, byId));
    }

    private static SensorResult sensor(AnalysedSite site, AnalysedSite.Sensor sensor, SensorSeries series,
            Instant windowEnd) {
        if (series == null || series.size() == 0) {
            return new SensorResult(sensor.sensorId(), sensor.sensorType(), sensor.unit(), 0, null, null, null, null,
                    null, null, null, null, null, null, null, true, null);
        }
        WindowStatistics statistics = WindowStatistics.of(series.values());
        Trend trend = Trend.of(series.timesMs(), series.values());
        Optional<AnalysedSite.ThresholdRule> rule = site.thresholdOf(sensor.sensorId());
        Double hours = trend == null || rule.isEmpty() ? null : trend.hoursTo(rule.get().limit(), rule.get().above());
        long lastSeenMs = series.timesMs()[series.size() - 1];
        boolean stale = windowEnd.toEpochMilli() - lastSeenMs > sensor.staleAfterMs();
        return new SensorResult(sensor.sensorId(), sensor.sensorType(), sensor.unit(), statistics.count(),
                statistics.mean(), statistics.min(), statistics.max(), statistics.stddev(), statistics.last(),
                trend == null ? null : trend.slopePerHour(), trend == null ? null : trend.significant(),
                trend == null ? null : trend.fittedNow(), hours, rule.map(AnalysedSite.ThresholdRule::limit).orElse(null),
                rule.map(r -> r.above() ? "above" : "below").orElse(null), stale, Instant.ofEpochMilli(lastSeenMs));
    }

    /** Direct method: steam flow, steam pressure (gauge), feedwater temperature, fuel flow, the calorific value. */
    private static Efficiency direct(AnalysedSite site, Map<String, SensorResult> sensors) {
        SiteAnalyticsConfig config = site.config();
        String basis = config.efficiencyBasis();
        if (config.calorificValueMj() == null) {
            return Efficiency.notComputed(basis, "no calorific value configured for the site");
        }
        Inputs inputs = new Inputs(site, sensors);
        Double steamFlow = inputs.mean("steam_flow");
        Double pressure = inputs.mean("steam_pressure");
        Double feedwater = inputs.mean("feedwater_temperature");
        Double fuel = inputs.mean("fuel_flow");
        if (inputs.missing != null) {
            return Efficiency.notComputed(basis, inputs.missing);
        }
        try {
            DirectEfficiency.Result result = DirectEfficiency.of(new DirectEfficiency.Inputs(steamFlow, pressure, feedwater,
                    null, fuel, config.calorificValueMj(), config.dryness(), config.blowdownPct() / 100));
            Map<String, Object> used = inputs.used;
            used.put("calorific_value_mj", config.calorificValueMj());
            used.put("dryness", config.dryness());
            used.put("blowdown_pct", config.blowdownPct());
            used.put("steam_enthalpy_kj_kg", result.steamEnthalpy());
            used.put("feedwater_enthalpy_kj_kg", result.feedwaterEnthalpy());
            used.put("output_mj_h", result.outputMjH());
            used.put("input_mj_h", result.inputMjH());
            return new Efficiency(result.percent(), basis, used, null);
        } catch (IllegalArgumentException e) {
            return Efficiency.notComputed(basis, e.getMessage());
        }
    }

    /** Siegert: flue gas temperature, air temperature (configured or the ambient sensor), flue gas O2, A2 and B. */
    private static Efficiency combustion(AnalysedSite site, Map<String, SensorResult> sensors) {
        SiteAnalyticsConfig config = site.config();
        Optional<CombustionEfficiency.Coefficients> table = CombustionEfficiency.tableValues(site.fuelType());
        Double a2 = config.siegertA2() != null ? config.siegertA2() : table.map(CombustionEfficiency.Coefficients::a2).orElse(null);
        Double b = config.siegertB() != null ? config.siegertB() : table.map(CombustionEfficiency.Coefficients::b).orElse(null);
        if (a2 == null || b == null) {
            return Efficiency.notComputed("net", "no Siegert coefficients for fuel " + site.fuelType()
                    + " (set siegert_a2 and siegert_b)");
        }
        Inputs inputs = new Inputs(site, sensors);
        Double flue = inputs.mean("flue_gas_temperature");
        Double air = config.airTemperatureC() != null ? config.airTemperatureC() : inputs.mean("ambient_temperature");
        Double o2 = inputs.mean("flue_gas_o2");
        if (inputs.missing != null) {
            return Efficiency.notComputed("net", inputs.missing);
        }
        try {
            CombustionEfficiency.Result result = CombustionEfficiency.of(flue, air,
                    o2, new CombustionEfficiency.Coefficients(a2, b));
            Map<String, Object> used = inputs.used;
            if (config.airTemperatureC() != null) {
                used.put("air_temperature_c", config.airTemperatureC());
            }
            used.put("siegert_a2", a2);
            used.put("siegert_b", b);
            used.put("flue_gas_loss_pct", result.lossPercent());
            used.put("air_ratio", CombustionEfficiency.airRatio(o2));
            return new Efficiency(result.percent(), "net", used, null);
        } catch (IllegalArgumentException e) {
            return Efficiency.notComputed("net", e.getMessage());
        }
    }

    /** Window means of the site's sensors by type, noting the first input that is missing, stale or ambiguous. */
    private static final class Inputs {

        private final AnalysedSite site;
        private final Map<String, SensorResult> sensors;
        private final Map<String, Object> used = new LinkedHashMap<>();
        private String missing;

        Inputs(AnalysedSite site, Map<String, SensorResult> sensors) {
            this.site = site;
            this.sensors = sensors;
        }

        Double mean(String sensorType) {
            List<AnalysedSite.Sensor> ofType = site.sensors().stream()
                    .filter(sensor -> sensor.sensorType().equals(sensorType)).toList();
            String problem = null;
            SensorResult result = null;
            if (ofType.isEmpty()) {
                problem = "no " + sensorType + " sensor";
            } else if (ofType.size() > 1) {
                problem = ofType.size() + " " + sensorType + " sensors (a site is one boiler)";
            } else {
                result = sensors.get(ofType.get(0).sensorId());
                if (result.mean() == null) {
                    problem = sensorType + " " + result.sensorId() + " has no reading in the window";
                } else if (result.stale()) {
                    problem = sensorType + " " + result.sensorId() + " is stale";
                }
            }
            if (problem != null) {
                if (missing == null) {
                    missing = problem;
                }
                return null;
            }
            used.put(sensorType, Map.of("sensor_id", result.sensorId(), "mean", result.mean(), "unit", result.unit()));
            return result.mean();
        }
    }
}
