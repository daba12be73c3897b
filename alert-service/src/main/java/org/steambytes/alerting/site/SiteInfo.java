package org.steambytes.alerting.site;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A site as e-mails and the silence watch see it. */
public record SiteInfo(String siteId, String name, ZoneId zone, List<String> notificationEmails,
        List<String> escalationEmails, Map<String, SensorInfo> sensors) {

    public SensorInfo sensor(String sensorId) {
        return sensors.get(sensorId);
    }
}
