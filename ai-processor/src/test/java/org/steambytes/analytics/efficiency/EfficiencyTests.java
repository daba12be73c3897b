package org.steambytes.analytics.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/DOMAIN.md "Efficiency": IF97 table values and the reference cases, to 0.01 point. */
class EfficiencyTests {

    /** 11.0 bar(a) is 9.98675 bar gauge. */
    private static final double ELEVEN_BAR_GAUGE = 11.0 - SteamTables.ATMOSPHERE_BAR;

    @ParameterizedTest
    @CsvSource({"1, 417.44, 2674.95", "5, 640.19, 2748.11", "10, 762.68, 2777.12", "11, 781.20, 2780.67",
            "20, 908.62, 2798.38", "30, 1008.37, 2803.26"})
    void saturatedEnthalpiesMatchTheSteamTable(double pressureBarAbs, double liquid, double vapour) {
        assertThat(SteamTables.saturatedLiquidEnthalpy(pressureBarAbs)).isCloseTo(liquid, within(0.01));
        assertThat(SteamTables.steamEnthalpy(pressureBarAbs, 1)).isCloseTo(vapour, within(0.01));
    }

    @Test
    void feedwaterIsCompressedLiquid() {
        assertThat(SteamTables.liquidEnthalpy(12, 105)).isCloseTo(441.01, within(0.01));
        assertThat(SteamTables.steamEnthalpy(11, 0.98)).isCloseTo(2740.68, within(0.01));
    }

    @Test
    void directReferenceCase() {
        DirectEfficiency.Result dry = DirectEfficiency.of(new DirectEfficiency.Inputs(10_000, ELEVEN_BAR_GAUGE, 105,
                12.0, 750, 36.0, 1, 0));
        assertThat(dry.outputMjH()).isCloseTo(23_396.6, within(0.1));
        assertThat(dry.percent()).isCloseTo(86.65, within(0.01));
        DirectEfficiency.Result wet = DirectEfficiency.of(new DirectEfficiency.Inputs(10_000, ELEVEN_BAR_GAUGE, 105,
                12.0, 750, 36.0, 0.98, 0));
        assertThat(wet.percent()).isCloseTo(85.17, within(0.01));
    }

    @Test
    void feedwaterAtTheSteamPressureWhenNoFeedwaterPressureIsKnown() {
        DirectEfficiency.Result result = DirectEfficiency.of(new DirectEfficiency.Inputs(10_000, ELEVEN_BAR_GAUGE, 105,
                null, 750, 36.0, 1, 0));
        assertThat(result.percent()).isCloseTo(86.65, within(0.01));
        assertThat(result.feedwaterEnthalpy()).isCloseTo(440.94, within(0.01));
    }

    @Test
    void blowdownCarriesHeatOutOfTheBoiler() {
        DirectEfficiency.Inputs noBlowdown = new DirectEfficiency.Inputs(10_000, ELEVEN_BAR_GAUGE, 105, 12.0, 750, 36.0, 1, 0);
        DirectEfficiency.Inputs fivePercent = new DirectEfficiency.Inputs(10_000, ELEVEN_BAR_GAUGE, 105, 12.0, 750, 36.0, 1,
                0.05);
        // ṁ_fw = 10,526.3 kg/h, ṁ_bd = 526.3 kg/h: output = 10,000·2780.67 + 526.3·781.20 − 10,526.3·441.01
        double expectedOutput = (10_000 * 2780.67 + 526.3158 * 781.20 - 10_526.3158 * 441.01) / 1000;
        assertThat(DirectEfficiency.of(fivePercent).outputMjH()).isCloseTo(expectedOutput, within(0.2));
        assertThat(DirectEfficiency.of(fivePercent).percent()).isGreaterThan(DirectEfficiency.of(noBlowdown).percent());
    }

    @Test
    void refusesInputsWithoutMeaning() {
        assertThatThrownBy(() -> DirectEfficiency.of(new DirectEfficiency.Inputs(10_000, 10, 105, null, 0, 36, 1, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectEfficiency.of(new DirectEfficiency.Inputs(10_000, 10, 105, null, 750, 36, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CombustionEfficiency.of(180, 20, 21, new CombustionEfficiency.Coefficients(0.66, 0.009)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void siegertReference() {
        CombustionEfficiency.Result result = CombustionEfficiency.of(180, 20, 3.0,
                CombustionEfficiency.tableValues("natural_gas").orElseThrow());
        assertThat(result.lossPercent()).isCloseTo(7.3067, within(0.00005));
        assertThat(result.percent()).isCloseTo(92.69, within(0.01));
        assertThat(CombustionEfficiency.airRatio(3.0)).isCloseTo(1.1667, within(0.00005));
        assertThat(CombustionEfficiency.tableValues("biomass")).isEmpty();
    }
}
