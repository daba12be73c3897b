package org.steambytes.simulator.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The fits reproduce docs/DOMAIN.md "Steam properties (IAPWS-IF97)" within the errors it states. */
class SteamTablesTests {

    @Test
    void saturationTemperatureMatchesTheTable() {
        assertThat(SteamTables.saturationTemperature(1)).isCloseTo(99.606, within(0.001));
        assertThat(SteamTables.saturationTemperature(5)).isCloseTo(151.836, within(0.002));
        assertThat(SteamTables.saturationTemperature(10)).isCloseTo(179.886, within(0.002));
        assertThat(SteamTables.saturationTemperature(11)).isCloseTo(184.070, within(0.002));
        assertThat(SteamTables.saturationTemperature(20)).isCloseTo(212.385, within(0.002));
    }

    @Test
    void steamEnthalpyMatchesTheTable() {
        assertThat(SteamTables.saturatedSteamEnthalpy(11)).isCloseTo(2780.67, within(0.05));
        assertThat(SteamTables.saturatedSteamEnthalpy(10)).isCloseTo(2777.12, within(0.05));
    }

    @Test
    void gaugePressureIsConvertedToAbsolute() {
        assertThat(SteamTables.absolute(9.98675)).isCloseTo(11.0, within(1e-9));
    }

    @Test
    void feedwaterEnthalpyIsNearRegionOneAtTheReferenceCase() {
        // docs/DOMAIN.md "Reference case": 105 °C at 12 bar(a) → 441.01 kJ/kg.
        assertThat(SteamTables.feedwaterEnthalpy(105)).isCloseTo(441.01, within(0.5));
    }
}
