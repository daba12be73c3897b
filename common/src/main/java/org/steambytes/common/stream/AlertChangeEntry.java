package org.steambytes.common.stream;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.steambytes.common.stream.ReadingsStreamEntry.UnreadableEntryException;

/**
 * One entry of the alert-changes stream {@code alert_service:alert-changes} (docs/API.md "Redis", a
 * public contract): an alert of a site changed, as the fields {@code site_id}, {@code alert_id},
 * {@code event} ({@code opened}, {@code acknowledged}, {@code shelved}, {@code unshelved},
 * {@code resolved}, {@code escalated}), {@code state} (the alert's state after it: {@code open},
 * {@code acknowledged}, {@code resolved}), {@code severity} and {@code at} (ISO-8601, when it happened).
 * A nudge, not the data: a reader fetches the alert itself through frontend-api. alert-service
 * encodes it after the change commits; the dashboard's live feed decodes it.
 */
public record AlertChangeEntry(String siteId, UUID alertId, String event, String state, String severity, Instant at) {

    public static final String SITE_ID = "site_id";
    public static final String ALERT_ID = "alert_id";
    public static final String EVENT = "event";
    public static final String STATE = "state";
    public static final String SEVERITY = "severity";
    public static final String AT = "at";

    /** The stream fields, in the contract's order. */
    public Map<String, String> encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(SITE_ID, siteId);
        fields.put(ALERT_ID, alertId.toString());
        fields.put(EVENT, event);
        fields.put(STATE, state);
        fields.put(SEVERITY, severity);
        fields.put(AT, at.toString());
        return fields;
    }

    /** The site an entry is about, without decoding the rest (null when it names none). */
    public static String siteOf(Map<?, ?> fields) {
        return fields != null && fields.get(SITE_ID) instanceof String site && !site.isEmpty() ? site : null;
    }

    /**
     * The entry of a stream record's fields (string keys and values, as Redis returns them).
     *
     * @throws UnreadableEntryException when a field is missing or not of its type
     */
    public static AlertChangeEntry decode(Map<?, ?> fields) {
        if (fields == null) {
            throw new UnreadableEntryException("no fields");
        }
        try {
            return new AlertChangeEntry(text(fields, SITE_ID), UUID.fromString(text(fields, ALERT_ID)), text(fields, EVENT),
                    text(fields, STATE), text(fields, SEVERITY), Instant.parse(text(fields, AT)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableEntryException("unreadable alert change: " + e.getMessage());
        }
    }

    private static String text(Map<?, ?> fields, String name) {
        if (!(fields.get(name) instanceof String value) || value.isEmpty()) {
            throw new UnreadableEntryException("no " + name);
        }
        return value;
    }
}
