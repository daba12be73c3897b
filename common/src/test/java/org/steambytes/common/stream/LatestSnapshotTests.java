package org.steambytes.common.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatestSnapshotTests {

    private static final Instant AT = Instant.parse("2026-12-07T09:00:00.125Z");

    @Test
    void readsTheDocumentIngestionBuildsFromTheHashes() {
        LatestValue pressure = new LatestValue(10.4, "bar", AT.toEpochMilli(), "steam_pressure");
        LatestValue flue = new LatestValue(-3.5E-4, "°C \"dry\"", AT.toEpochMilli() - 1, "flue_gas_temperature");
        // As update_latest.lua concatenates it: the stored JSON of each value, as written, by sensor id.
        String stored = "{\"site_id\":\"plant-a\",\"readings\":{\"b1-p\":" + pressure.toJson() + ",\"b1-t\":" + flue.toJson() + "}}";

        LatestSnapshot snapshot = LatestSnapshot.parse(stored).orElseThrow();

        assertThat(snapshot.siteId()).isEqualTo("plant-a");
        assertThat(snapshot.values()).isEqualTo(Map.of("b1-p", pressure, "b1-t", flue));
        assertThat(snapshot.unreadable()).isEmpty();
        assertThat(LatestSnapshot.parse("{\"site_id\":\"plant-a\",\"readings\":{}}").orElseThrow().values()).isEmpty();
    }

    @Test
    void anUnreadableValueIsNamedAndTheOthersStillCount() {
        String stored = "{\"site_id\":\"s\",\"readings\":{\"a\":{\"value\":\"x\",\"ts_ms\":1},\"b\":{\"value\":2,\"ts_ms\":3,"
                + "\"sensor_type\":\"fuel_flow\"},\"c\":[1],\"d\":null,\"b\":{\"value\":1}}}";

        LatestSnapshot snapshot = LatestSnapshot.parse(stored).orElseThrow();

        assertThat(snapshot.values()).isEqualTo(Map.of("b", new LatestValue(2, "", 3, "fuel_flow")));
        assertThat(snapshot.unreadable()).isEqualTo(List.of("a", "c", "d", "b"));
    }

    @Test
    void aDocumentItCannotUseIsRefusedAsAWhole() {
        for (String stored : List.of("", "not json", "[]", "{}", "{\"site_id\":\"s\"}", "{\"readings\":{}}",
                "{\"site_id\":\"s\",\"readings\":[]}", "{\"site_id\":\"s\",\"readings\":{\"a\":{\"value\":1,\"ts_ms\":2}",
                "{\"site_id\":\"s\",\"readings\":{\"a\":{\"value\":1,\"ts_ms\":2}}", "{\"site_id\":\"s\",\"readings\":{}} {}",
                "{\"site_id\":\"s\",\"readings\":{\"a\":{\"value\":1,")) {
            assertThat(LatestSnapshot.parse(stored)).as(stored).isEmpty();
        }
    }
}
