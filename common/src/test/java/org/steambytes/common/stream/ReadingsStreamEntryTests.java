package org.steambytes.common.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.steambytes.common.reading.Reading;

class ReadingsStreamEntryTests {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00.123Z");

    @Test
    void encodesTheContractsFieldsInOrder() {
        UUID batch = UUID.fromString("0b7c6f1e-2f43-4a8e-9a55-3c1d2e4f5a6b");
        Map<String, String> fields = ReadingsStreamEntry.encode("plant-a", batch,
                List.of(new Reading("plant-a", "b1-steam-pressure", "steam_pressure", 10.4, AT)));
        assertThat(fields).containsExactly(
                Map.entry("site_id", "plant-a"),
                Map.entry("batch_id", batch.toString()),
                Map.entry("count", "1"),
                Map.entry("readings", "[{\"sensor_id\":\"b1-steam-pressure\",\"sensor_type\":\"steam_pressure\","
                        + "\"value\":10.4,\"ts_ms\":" + AT.toEpochMilli() + "}]"));
    }

    @Test
    void decodesWhatItEncodesIncludingQuotesInIds() {
        UUID batch = UUID.randomUUID();
        Map<String, String> fields = ReadingsStreamEntry.encode("plant-a", batch, List.of(
                new Reading("plant-a", "odd \"id\"", "flue_gas_temperature", 182.5, AT),
                new Reading("plant-a", "b1-o2", "flue_gas_o2", 3.0, AT.plusSeconds(10))));
        ReadingsStreamEntry entry = ReadingsStreamEntry.decode(fields);
        assertThat(entry.siteId()).isEqualTo("plant-a");
        assertThat(entry.batchId()).isEqualTo(batch.toString());
        assertThat(entry.readings()).containsExactly(
                new StreamedReading("odd \"id\"", "flue_gas_temperature", 182.5, AT.toEpochMilli()),
                new StreamedReading("b1-o2", "flue_gas_o2", 3.0, AT.plusSeconds(10).toEpochMilli()));
    }

    @Test
    void refusesEntriesThatAreNotTheContractsShape() {
        assertThatThrownBy(() -> ReadingsStreamEntry.decode(Map.of("readings", "[]")))
                .isInstanceOf(ReadingsStreamEntry.UnreadableEntryException.class).hasMessageContaining("site_id");
        assertThatThrownBy(() -> ReadingsStreamEntry.decode(Map.of("site_id", "plant-a")))
                .isInstanceOf(ReadingsStreamEntry.UnreadableEntryException.class).hasMessageContaining("readings");
        assertThatThrownBy(() -> ReadingsStreamEntry.decode(Map.of("site_id", "plant-a", "readings", "{oops")))
                .isInstanceOf(ReadingsStreamEntry.UnreadableEntryException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ReadingsStreamEntry.decode(Map.of("site_id", "plant-a", "readings", "[{\"value\":1}]")))
                .isInstanceOf(ReadingsStreamEntry.UnreadableEntryException.class).hasMessageContaining("sensor_id");
        Map<String, String> none = new HashMap<>();
        assertThatThrownBy(() -> ReadingsStreamEntry.decode(none))
                .isInstanceOf(ReadingsStreamEntry.UnreadableEntryException.class);
        assertThatThrownBy(() -> ReadingsStreamEntry.decode(null))
                .isInstanceOf(ReadingsStreamEntry.UnreadableEntryException.class);
    }
}
