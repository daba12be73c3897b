package org.steambytes.analytics.efficiency;

import com.hummeling.if97.IF97;
import com.hummeling.if97.OutOfRangeException;

/**
 * Water and steam enthalpies by IAPWS-IF97 (com.hummeling:if97, engineering units: bar absolute,
 * °C, kJ/kg), as docs/DOMAIN.md "Steam properties" gives them.
 */
public final class SteamTables {

    /** Gauge pressure + this = absolute pressure, in bar. */
    public static final double ATMOSPHERE_BAR = 1.01325;

    private static final IF97 IF97 = new IF97(com.hummeling.if97.IF97.UnitSystem.ENGINEERING);

    private SteamTables() {
    }

    /** Saturated steam of dryness {@code x} (1 = dry) at {@code pressureBarAbs}: h_f + x·(h_g − h_f). */
    public static double steamEnthalpy(double pressureBarAbs, double dryness) {
        double liquid = saturatedLiquidEnthalpy(pressureBarAbs);
        double vapour = call(() -> IF97.specificEnthalpySaturatedVapourP(pressureBarAbs));
        return liquid + dryness * (vapour - liquid);
    }

    /** Saturated liquid h_f at {@code pressureBarAbs} (blowdown leaves the drum as that). */
    public static double saturatedLiquidEnthalpy(double pressureBarAbs) {
        return call(() -> IF97.specificEnthalpySaturatedLiquidP(pressureBarAbs));
    }

    /**
     * Feedwater: compressed liquid (IF97 region 1) at {@code temperatureC} and {@code pressureBarAbs}
     * — not saturated liquid at that temperature, which misses the reference case by 0.03 points.
     */
    public static double liquidEnthalpy(double pressureBarAbs, double temperatureC) {
        return call(() -> IF97.specificEnthalpyPT(pressureBarAbs, temperatureC));
    }

    private interface Property {
        double value() throws OutOfRangeException;
    }

    private static double call(Property property) {
        try {
            return property.value();
        } catch (OutOfRangeException e) {
            throw new IllegalArgumentException("outside IAPWS-IF97's range: " + e.getMessage(), e);
        }
    }
}
