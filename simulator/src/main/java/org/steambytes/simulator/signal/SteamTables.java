package org.steambytes.simulator.signal;

/**
 * Saturated steam from the dependency-free fits of docs/DOMAIN.md "Steam properties (IAPWS-IF97)",
 * valid for 1–30 bar(a), and the gauge-to-absolute step of "Sensor types".
 */
public final class SteamTables {

    /** p(bar(a)) = p(bar(g)) + 1.01325 (docs/DOMAIN.md "Sensor types"). */
    public static final double ATMOSPHERE_BAR = 1.01325;

    private SteamTables() {
    }

    public static double absolute(double gaugeBar) {
        return gaugeBar + ATMOSPHERE_BAR;
    }

    /** T_sat in °C at an absolute pressure in bar (largest error of the fit 0.001 K). */
    public static double saturationTemperature(double absoluteBar) {
        double x = Math.log(absoluteBar);
        return 99.606 + x * (27.95349 + x * (2.403988 + x * (0.2116225 + x * (0.01681114 + x * 0.001738856))));
    }

    /** h_g in kJ/kg, dry saturated steam at an absolute pressure in bar. */
    public static double saturatedSteamEnthalpy(double absoluteBar) {
        double x = Math.log(absoluteBar);
        return 2674.985 + x * (43.54199 + x * (3.395531 + x * (-2.03776 + x * (0.6329542 + x * -0.1397174))));
    }

    /**
     * Feedwater (compressed liquid) enthalpy in kJ/kg, about 4.2 kJ/(kg·K) above 0 °C: within 0.1 kJ/kg of
     * IF97 region 1 at 105 °C and 12 bar(a) (441.01, docs/DOMAIN.md "Reference case"), which is close enough
     * for a simulated fuel meter.
     */
    public static double feedwaterEnthalpy(double celsius) {
        return 4.2 * celsius;
    }
}
