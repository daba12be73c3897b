package org.steambytes.alerting.notification;

import java.util.UUID;
import org.steambytes.alerting.alert.AlertTransition;

/**
 * The stable Message-ID of each outbox message: derived from what caused it, so a message queued twice
 * is one row ({@code ON CONFLICT (message_id)}) and a re-sent one carries the same ID.
 */
final class MessageIds {

    private MessageIds() {
    }

    static String alert(UUID alertId, AlertTransition transition, long eventId) {
        return "<alert." + alertId + "." + transition.wireName() + "." + eventId + "@steambytes>";
    }

    static String digest(String siteId, long firstRow, long lastRow) {
        return "<digest." + siteId + "." + firstRow + "-" + lastRow + "@steambytes>";
    }

    static String floodSummary(String siteId, UUID firstAlertId) {
        return "<flood." + siteId + "." + firstAlertId + "@steambytes>";
    }
}
