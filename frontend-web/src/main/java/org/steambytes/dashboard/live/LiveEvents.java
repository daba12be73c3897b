package org.steambytes.dashboard.live;

import java.util.Map;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.common.stream.StreamedReading;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a browser receives for one stream entry: {@code {"site_id", "readings": [{"sensor_id",
 * "value", "ts_ms"}]}} (the entry decoded by common's {@link ReadingsStreamEntry}, nothing else).
 */
final class LiveEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LiveEvents() {
    }

    static String siteOf(Map<?, ?> fields) {
        return fields.get(ReadingsStreamEntry.SITE_ID) instanceof String site ? site : null;
    }

    /** @throws ReadingsStreamEntry.UnreadableEntryException for an entry not in the contract's shape */
    static LiveEvent of(String id, Map<?, ?> fields) {
        ReadingsStreamEntry entry = ReadingsStreamEntry.decode(fields);
        ObjectNode event = JSON.createObjectNode().put("site_id", entry.siteId());
        ArrayNode readings = event.putArray("readings");
        for (StreamedReading reading : entry.readings()) {
            readings.addObject().put("sensor_id", reading.sensorId()).put("value", reading.value())
                    .put("ts_ms", reading.tsMs());
        }
        return new LiveEvent(StreamId.parse(id).orElse(StreamId.ZERO), JSON.writeValueAsString(event));
    }
}
