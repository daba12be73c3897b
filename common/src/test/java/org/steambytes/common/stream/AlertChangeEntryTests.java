package org.steambytes.common.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.steambytes.common.stream.ReadingsStreamEntry.UnreadableEntryException;

class AlertChangeEntryTests {

    private static final AlertChangeEntry ENTRY = new AlertChangeEntry("plant-a",
            UUID.fromString("7d1c0b9e-3f1a-4f7e-9a51-2b9c1f0e4d21"), "acknowledged", "acknowledged", "high",
            Instant.parse("2026-11-27T14:10:00.125Z"));

    @Test
    void encodesTheContractsFieldsInOrderAndDecodesThemBack() {
        Map<String, String> fields = ENTRY.encode();
        assertThat(fields.keySet()).containsExactly("site_id", "alert_id", "event", "state", "severity", "at");
        assertThat(fields).containsEntry("at", "2026-11-27T14:10:00.125Z")
                .containsEntry("alert_id", "7d1c0b9e-3f1a-4f7e-9a51-2b9c1f0e4d21");
        assertThat(AlertChangeEntry.decode(fields)).isEqualTo(ENTRY);
        assertThat(AlertChangeEntry.siteOf(fields)).isEqualTo("plant-a");
    }

    @Test
    void refusesEntriesThatAreNotTheContractsShape() {
        Map<String, String> noSite = new HashMap<>(ENTRY.encode());
        noSite.remove("site_id");
        assertThat(AlertChangeEntry.siteOf(noSite)).isNull();
        assertThatThrownBy(() -> AlertChangeEntry.decode(noSite)).isInstanceOf(UnreadableEntryException.class)
                .hasMessageContaining("site_id");
        Map<String, String> badId = new HashMap<>(ENTRY.encode());
        badId.put("alert_id", "not-a-uuid");
        assertThatThrownBy(() -> AlertChangeEntry.decode(badId)).isInstanceOf(UnreadableEntryException.class);
        Map<String, String> badTime = new HashMap<>(ENTRY.encode());
        badTime.put("at", "yesterday");
        assertThatThrownBy(() -> AlertChangeEntry.decode(badTime)).isInstanceOf(UnreadableEntryException.class);
        assertThatThrownBy(() -> AlertChangeEntry.decode(null)).isInstanceOf(UnreadableEntryException.class);
    }
}
