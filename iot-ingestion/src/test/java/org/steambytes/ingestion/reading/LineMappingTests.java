package org.steambytes.ingestion.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.steambytes.ingestion.sensor.SensorSpec;
import org.steambytes.ingestion.sensor.SiteSensors;

class LineMappingTests {

    private static final SiteSensors SITE = new SiteSensors("plant-a", Map.of(
            "b1-o2", new SensorSpec("b1-o2", "flue_gas_o2", "%", 0, 21),
            "boiler1-steam-pressure", new SensorSpec("boiler1-steam-pressure", "steam_pressure", "bar", -1, 250),
            "b1-flue-gas-temp", new SensorSpec("b1-flue-gas-temp", "flue_gas_temperature", "°C", -50, 1000)));

    @Test
    void readsTheValueFieldOfALineWithASensorIdTagAsThatSensor() {
        LineMapping.Mapped mapped = map("boiler,sensor_id=b1-o2 value=3.5 1764237600000");

        assertThat(mapped.readings()).containsExactly(
                new IncomingReading("b1-o2", 3.5, Instant.ofEpochMilli(1764237600000L)));
        assertThat(mapped.lines()).containsExactly(1);
        assertThat(mapped.skipped()).isZero();
    }

    @Test
    void takesNowForALineWithoutTimestamp() {
        assertThat(map("boiler,sensor_id=b1-o2 value=3.5").readings().get(0).timestamp()).isNull();
    }

    @Test
    void skipsOtherFieldsOfATaggedLine() {
        LineMapping.Mapped mapped = map("boiler,sensor_id=b1-o2 value=3.5,quality=1i");

        assertThat(mapped.readings()).extracting(IncomingReading::sensorId).containsExactly("b1-o2");
        assertThat(mapped.skipped()).isEqualTo(1);
        assertThat(mapped.skipReasons().get(0).message()).contains("'quality'").contains("only 'value'");
    }

    @Test
    void namesTheSensorByMeasurementAndFieldWithoutTag() {
        LineMapping.Mapped mapped = map("""
                boiler1,host=gw-1 steam_pressure=10.4,uptime=100i
                b1-o2 value=4
                B1_Flue.Gas__Temp value=180
                cpu,cpu=cpu-total usage_idle=98.5""");

        assertThat(mapped.readings()).extracting(IncomingReading::sensorId, IncomingReading::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("boiler1-steam-pressure", 10.4),
                org.assertj.core.groups.Tuple.tuple("b1-o2", 4.0),
                org.assertj.core.groups.Tuple.tuple("b1-flue-gas-temp", 180.0));
        assertThat(mapped.lines()).containsExactly(1, 2, 3);
        assertThat(mapped.skipped()).isEqualTo(2);
        assertThat(mapped.skipReasons()).extracting(p -> p.field() + " " + p.message()).containsExactly(
                "line 1 field 'uptime' of 'boiler1' names no sensor 'boiler1-uptime' at this site",
                "line 4 field 'usage_idle' of 'cpu' names no sensor 'cpu-usage-idle' at this site");
    }

    @Test
    void readsBooleansAsOneOrZeroAndRefusesStringsForASensor() {
        LineMapping.Mapped mapped = map("""
                boiler,sensor_id=b1-o2 value=true
                boiler,sensor_id=b1-o2 value="high"
                boiler,sensor_id=nobody value="high\"""");

        assertThat(mapped.readings()).extracting(IncomingReading::value).containsExactly(1.0);
        assertThat(mapped.errors()).singleElement().satisfies(e -> {
            assertThat(e.index()).isEqualTo(2);
            assertThat(e.message()).contains("sensor 'b1-o2'").contains("string");
        });
        assertThat(mapped.skipped()).isEqualTo(1);
    }

    @Test
    void listsAtMostTwentySkippedFieldsButCountsThemAll() {
        String body = "cpu usage_idle=1\n".repeat(30);
        LineMapping.Mapped mapped = map(body);

        assertThat(mapped.skipped()).isEqualTo(30);
        assertThat(mapped.skipReasons()).hasSize(LineMapping.MAX_LISTED_SKIPS);
    }

    @ParameterizedTest
    @CsvSource({"boiler1, boiler1", "Boiler 1, boiler-1", "b1_steam__pressure, b1-steam-pressure",
            "-x-, x", "ÄÖ-b1, b1", "cpu-usage_idle, cpu-usage-idle"})
    void makesNamesSensorIdLike(String name, String slug) {
        assertThat(LineMapping.slug(name)).isEqualTo(slug);
    }

    private static LineMapping.Mapped map(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<LinePoint> points = LineProtocolParser.parse(bytes, bytes.length, TimePrecision.MILLISECONDS);
        return new LineMapping().map(points, SITE);
    }
}
