package org.steambytes.analytics.efficiency;

/**
 * Boiler efficiency by the direct (input–output) method, docs/DOMAIN.md "Direct method": heat into
 * the steam (and the blowdown) over the fuel's heat, η = output / (fuel flow × calorific value), on
 * the calorific value's basis (net or gross). With a blowdown fraction BD of the feedwater:
 * ṁ_fw = ṁ_s / (1 − BD), ṁ_bd = BD · ṁ_fw, output = ṁ_s·h_s + ṁ_bd·h_f(p) − ṁ_fw·h_fw.
 */
public final class DirectEfficiency {

    /**
     * @param steamFlowKgH         steam mass flow, kg/h
     * @param steamPressureBarGauge steam (drum) pressure, bar gauge
     * @param feedwaterTemperatureC feedwater temperature, °C
     * @param feedwaterPressureBarAbs feedwater pressure, bar absolute; null: the steam pressure (absolute)
     * @param fuelFlow             fuel flow, Nm³/h (gas) or kg/h (oil)
     * @param calorificValueMj     the fuel's calorific value, MJ per Nm³ or kg, on the site's basis
     * @param dryness              steam dryness fraction (1 = dry saturated)
     * @param blowdownFraction     blowdown as a fraction of the feedwater (0 = none)
     */
    public record Inputs(double steamFlowKgH, double steamPressureBarGauge, double feedwaterTemperatureC,
            Double feedwaterPressureBarAbs, double fuelFlow, double calorificValueMj, double dryness,
            double blowdownFraction) {
    }

    /** The efficiency in percent, and the heat flows it came from (kW would hide the per-hour basis: MJ/h). */
    public record Result(double percent, double outputMjH, double inputMjH, double steamEnthalpy,
            double feedwaterEnthalpy) {
    }

    private DirectEfficiency() {
    }

    /** @throws IllegalArgumentException for inputs that give no meaningful efficiency (no fuel, BD ≥ 1, …) */
    public static Result of(Inputs in) {
        if (!(in.fuelFlow() > 0) || !(in.calorificValueMj() > 0) || !(in.steamFlowKgH() >= 0)) {
            throw new IllegalArgumentException("needs fuel flow and calorific value above 0 and a steam flow");
        }
        if (!(in.dryness() > 0 && in.dryness() <= 1) || !(in.blowdownFraction() >= 0 && in.blowdownFraction() < 1)) {
            throw new IllegalArgumentException("needs 0 < dryness <= 1 and 0 <= blowdown < 1");
        }
        double pressureAbs = in.steamPressureBarGauge() + SteamTables.ATMOSPHERE_BAR;
        double steam = SteamTables.steamEnthalpy(pressureAbs, in.dryness());
        double feedwater = SteamTables.liquidEnthalpy(
                in.feedwaterPressureBarAbs() == null ? pressureAbs : in.feedwaterPressureBarAbs(),
                in.feedwaterTemperatureC());
        double feedwaterFlow = in.steamFlowKgH() / (1 - in.blowdownFraction());
        double blowdownFlow = in.blowdownFraction() * feedwaterFlow;
        double outputKjH = in.steamFlowKgH() * steam + blowdownFlow * SteamTables.saturatedLiquidEnthalpy(pressureAbs)
                - feedwaterFlow * feedwater;
        double inputMjH = in.fuelFlow() * in.calorificValueMj();
        return new Result(100 * outputKjH / 1000 / inputMjH, outputKjH / 1000, inputMjH, steam, feedwater);
    }
}
