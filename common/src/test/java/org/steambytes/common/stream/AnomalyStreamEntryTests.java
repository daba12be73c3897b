package org.steambytes.common.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steambytes.common.stream.ReadingsStreamEntry.UnreadableEntryException;

class AnomalyStreamEntryTests {

    private static final AnomalyStreamEntry ENTRY = new AnomalyStreamEntry(42, "plant-a", "fg-1", "zscore",
            Instant.parse("2026-12-06T10:15:30.250Z"), 212.4, 4.1, 3.5,
            "flue gas 212.4 °C is 4.1 σ above its 60-min mean 188.2 °C");

    @Test
    void encodesTheContractsFieldsInOrderAndDecodesThemBack() {
        Map<String, String> fields = ENTRY.encode();
        assertThat(fields.keySet()).containsExactly("anomaly_id", "site_id", "sensor_id", "detector", "observed_at",
                "value", "score", "threshold", "explanation");
        assertThat(fields).containsEntry("observed_at", "2026-12-06T10:15:30.250Z").containsEntry("anomaly_id", "42");
        assertThat(AnomalyStreamEntry.decode(fields)).isEqualTo(ENTRY);
    }

    @Test
    void refusesEntriesThatAreNotTheContractsShape() {
        Map<String, String> noSite = new HashMap<>(ENTRY.encode());
        noSite.remove("site_id");
        assertThatThrownBy(() -> AnomalyStreamEntry.decode(noSite)).isInstanceOf(UnreadableEntryException.class)
                .hasMessageContaining("site_id");
        Map<String, String> badId = new HashMap<>(ENTRY.encode());
        badId.put("anomaly_id", "forty-two");
        assertThatThrownBy(() -> AnomalyStreamEntry.decode(badId)).isInstanceOf(UnreadableEntryException.class);
        Map<String, String> notFinite = new HashMap<>(ENTRY.encode());
        notFinite.put("score", "NaN");
        assertThatThrownBy(() -> AnomalyStreamEntry.decode(notFinite)).isInstanceOf(UnreadableEntryException.class)
                .hasMessageContaining("score");
        assertThatThrownBy(() -> AnomalyStreamEntry.decode(null)).isInstanceOf(UnreadableEntryException.class);
    }
}
