package org.steambytes.simulator.signal;

import java.time.ZoneId;

/**
 * The simulated boiler's nameplate and its site's day: a gas-fired shell boiler (docs/DOMAIN.md "Sensor
 * types": 7–17 bar, deaerated feedwater at 102–105 °C, O2 around 3 %), its net calorific value
 * (natural gas, 36 MJ/Nm³ as in "Reference case (direct method)") and its direct efficiency when clean.
 */
public record BoilerDesign(double ratedSteamKgH, double pressureSetpointBarG, double feedwaterC,
        double calorificValueMj, double cleanEfficiencyPct, double o2SetpointPct, ZoneId zone) {

    public static BoilerDesign typical(ZoneId zone) {
        return new BoilerDesign(12_000, 10.0, 104.0, 36.0, 88.0, 3.0, zone);
    }
}
