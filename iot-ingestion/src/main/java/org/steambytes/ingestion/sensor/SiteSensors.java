package org.steambytes.ingestion.sensor;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A site's sensors by slug. */
public record SiteSensors(String siteId, Map<String, SensorSpec> bySensorId) {

    public SensorSpec find(String sensorId) {
        return bySensorId.get(sensorId);
    }

    public Collection<SensorSpec> all() {
        return bySensorId.values();
    }

    public Set<String> sensorTypes() {
        Set<String> types = new TreeSet<>();
        bySensorId.values().forEach(s -> types.add(s.sensorType()));
        return types;
    }
}
