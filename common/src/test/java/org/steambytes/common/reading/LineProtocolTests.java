package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineProtocolTests {

    private static final Instant AT = Instant.ofEpochMilli(1_764_237_600_123L);

    @ParameterizedTest(name = "tag value [{0}] is written as [{1}]")
    @CsvSource(delimiter = '|', value = {
            "plant-a|plant-a",
            "plant a|plant\\ a",
            "a,b|a\\,b",
            "k=v|k\\=v",
            "a, b=c|a\\,\\ b\\=c"})
    void escapesCommasSpacesAndEqualsSignsInTagValues(String value, String escaped) {
        StringBuilder line = new StringBuilder();
        LineProtocol.appendTag(line, value);
        assertThat(line).hasToString(escaped);
    }

    @Test
    void writesOneLinePerReadingWithFloatValueAndMillisecondTime() {
        String lines = LineProtocol.encode(List.of(
                new Reading("plant-a", "b1-steam-pressure", "steam_pressure", 10, AT),
                new Reading("plant-a", "b1-flue-gas-temp", "flue_gas_temperature", 182.5, AT.plusMillis(1))));
        assertThat(lines).isEqualTo(
                "reading,site_id=plant-a,sensor_id=b1-steam-pressure,sensor_type=steam_pressure value=10.0 1764237600123\n"
                + "reading,site_id=plant-a,sensor_id=b1-flue-gas-temp,sensor_type=flue_gas_temperature value=182.5 1764237600124\n");
    }

    @Test
    void keepsLargeAndSmallValuesFloats() {
        assertThat(LineProtocol.encode(List.of(new Reading("s", "x", "t", 1.0e12, AT)))).contains(" value=1.0E12 ");
        assertThat(LineProtocol.encode(List.of(new Reading("s", "x", "t", -2.5e-7, AT)))).contains(" value=-2.5E-7 ");
    }

    @Test
    void truncatesTimestampsToTheStoredMillisecond() {
        Reading reading = new Reading("s", "x", "t", 1, Instant.parse("2026-11-27T10:00:00.123456789Z"));
        assertThat(reading.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:00:00.123Z"));
    }

    @Test
    void refusesValuesAndTagsThatCannotBeStored() {
        assertThatThrownBy(() -> new Reading("s", "x", "t", Double.NaN, AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reading("s", "x", "t", Double.POSITIVE_INFINITY, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reading(" ", "x", "t", 1, AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reading("s", "a\nb", "t", 1, AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reading("s", "a\\", "t", 1, AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesInfluxQlLiteralsAndIdentifiers() {
        assertThat(InfluxQl.literal("it's")).isEqualTo("'it\\'s'");
        assertThat(InfluxQl.literal("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(InfluxQl.identifier("sensor \"data\"")).isEqualTo("\"sensor \\\"data\\\"\"");
    }
}
