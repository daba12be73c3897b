package org.steambytes.common.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.steambytes.common.reading.Reading;

class LatestValueTests {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00.250Z");

    @Test
    void writesTheContractsJson() {
        Reading reading = new Reading("plant-a", "b1-steam-pressure", "steam_pressure", 10.4, AT);
        assertThat(LatestValue.of(reading, "bar").toJson()).isEqualTo("{\"value\":10.4,\"unit\":\"bar\","
                + "\"ts\":\"2026-11-27T10:00:00.250Z\",\"ts_ms\":" + AT.toEpochMilli() + ",\"sensor_type\":\"steam_pressure\"}");
    }

    @Test
    void readsWhatItWritesAndRefusesWhatItCannotUse() {
        LatestValue value = new LatestValue(182.5, "°C \"dry\"", AT.toEpochMilli(), "flue_gas_temperature");
        assertThat(LatestValue.parse(value.toJson())).contains(value);
        assertThat(LatestValue.parse("{\"value\": 10.4, \"unit\": \"bar\", \"ts_ms\": 1}"))
                .contains(new LatestValue(10.4, "bar", 1, ""));
        assertThat(LatestValue.parse("{\"value\": \"10.4\", \"ts_ms\": 1}")).isEmpty();
        assertThat(LatestValue.parse("{\"value\": 10.4, \"ts_ms\": 1.5}")).isEmpty();
        assertThat(LatestValue.parse("not json")).isEmpty();
        assertThat(LatestValue.parse("{\"ts_ms\": 1}")).isEmpty();
        assertThat(LatestValue.parse("{\"value\": 10.4}")).isEmpty();
        assertThat(LatestValue.parse("[1, 2]")).isEmpty();
        assertThat(LatestValue.parse("{\"value\": 10.4, \"ts_ms\": 1")).isEmpty();
        assertThat(LatestValue.parse("{\"value\": 10.4, \"ts_ms\": 1} {}")).isEmpty();
        // Fields it does not know, nested or not, are passed over; the last of a repeated field counts.
        assertThat(LatestValue.parse("{\"extra\": {\"value\": 1, \"ts_ms\": [2]}, \"value\": 3, \"ts_ms\": 9, "
                + "\"value\": 4.5, \"unit\": null, \"ts\": \"x\", \"sensor_type\": \"fuel_flow\"}"))
                .contains(new LatestValue(4.5, "", 9, "fuel_flow"));
    }
}
