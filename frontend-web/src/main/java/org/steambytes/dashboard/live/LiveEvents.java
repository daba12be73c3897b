package org.steambytes.dashboard.live;

import java.util.Map;
import org.steambytes.common.stream.AlertChangeEntry;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.common.stream.StreamedReading;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a browser receives for one stream entry: for a readings entry {@code {"site_id", "readings":
 * [{"sensor_id", "value", "ts_ms"}]}} (decoded by common's {@link ReadingsStreamEntry}, nothing
 * else); for an alert change {@code {"site_id", "alert_id", "event", "state", "severity", "at"}}
 * (common's {@link AlertChangeEntry}).
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
        return new LiveEvent(StreamId.parse(id).orElse(StreamId.ZERO), LiveEvent.READINGS, JSON.writeValueAsString(event));
    }

    static LiveEvent alertChange(AlertChangeEntry change) {
        ObjectNode event = JSON.createObjectNode().put("site_id", change.siteId())
                .put("alert_id", change.alertId().toString()).put("event", change.event()).put("state", change.state())
                .put("severity", change.severity()).put("at", change.at().toString());
        return new LiveEvent(null, LiveEvent.ALERTS, JSON.writeValueAsString(event));
    }
}
