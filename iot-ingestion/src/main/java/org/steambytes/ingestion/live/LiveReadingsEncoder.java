package org.steambytes.ingestion.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.steambytes.common.reading.Reading;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.LatestValue;
import org.steambytes.common.stream.ReadingsStreamEntry;
import org.steambytes.ingestion.sensor.SensorSpec;
import org.steambytes.ingestion.sensor.SiteSensors;

/** The Redis shapes of a batch (contract in docs/API.md "Redis"): latest-value JSON and the stream entry. */
final class LiveReadingsEncoder {

    record ScriptCall(int keyCount, byte[][] keysAndArgs) {
    }

    /** Arguments of update_latest.lua: the newest reading of each sensor in the batch. */
    ScriptCall latestUpdate(String siteId, List<Reading> readings, SiteSensors sensors) {
        Map<String, Reading> newest = new HashMap<>();
        for (Reading reading : readings) {
            newest.merge(reading.sensorId(), reading,
                    (a, b) -> b.timestamp().isAfter(a.timestamp()) ? b : a);
        }
        List<String> keys = new ArrayList<>();
        keys.add(RedisKeys.dashboard(siteId));
        Map<String, Integer> keyIndex = new LinkedHashMap<>();
        for (String type : sensors.sensorTypes()) {
            keyIndex.put(type, keys.size() + 1); // Lua's KEYS is 1-based
            keys.add(RedisKeys.latest(siteId, type));
        }
        List<String> args = new ArrayList<>();
        args.add(Long.toString(RedisKeys.LATEST_TTL.toSeconds()));
        args.add(Long.toString(RedisKeys.DASHBOARD_TTL.toSeconds()));
        args.add(siteId);
        for (Reading reading : newest.values()) {
            SensorSpec spec = sensors.find(reading.sensorId());
            args.add(Integer.toString(keyIndex.get(reading.sensorType())));
            args.add(reading.sensorId());
            args.add(LatestValue.of(reading, spec == null ? "" : spec.unit()).toJson());
        }
        byte[][] keysAndArgs = new byte[keys.size() + args.size()][];
        int i = 0;
        for (String key : keys) {
            keysAndArgs[i++] = LiveReadings.bytes(key);
        }
        for (String arg : args) {
            keysAndArgs[i++] = LiveReadings.bytes(arg);
        }
        return new ScriptCall(keys.size(), keysAndArgs);
    }

    /** One stream entry per batch, in the shared format ({@link ReadingsStreamEntry}). */
    static MapRecord<byte[], byte[], byte[]> streamEntry(String siteId, UUID batchId, List<Reading> readings) {
        Map<byte[], byte[]> fields = new LinkedHashMap<>();
        ReadingsStreamEntry.encode(siteId, batchId, readings)
                .forEach((name, value) -> fields.put(LiveReadings.bytes(name), LiveReadings.bytes(value)));
        return StreamRecords.newRecord().in(LiveReadings.bytes(RedisKeys.READINGS_STREAM)).ofMap(fields);
    }
}
