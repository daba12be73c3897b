package org.steambytes.common.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One site's non-resolved alerts (states {@code open} and {@code acknowledged}, shelved ones included)
 * as alert-service keeps them under {@code alert_service:open-alerts:{<site_id>}} (docs/ARCHITECTURE.md §2)
 * for frontend-api's alerts list: newest first ({@code opened_at} descending, then {@code alert_id} as
 * PostgreSQL orders uuids), each alert with exactly the fields of the API's alert. {@code version} is the
 * site's alert version ({@code alert_site_versions}) the snapshot was read at; the stored JSON always
 * begins with {@code {"version":<n>,} so a compare-and-set script can read it without decoding the rest.
 */
public record OpenAlertsDocument(long version, String siteId, List<OpenAlert> alerts) {

    /** The JSON prefix of every stored document, up to its version's digits. */
    public static final String VERSION_PREFIX = "{\"version\":";

    /** An alert as the API answers it (frontend-api's {@code AlertView}: the same names, in the same order). */
    public record OpenAlert(UUID alertId, String siteId, String sensorId, UUID ruleId, String kind, String state,
            String severity, Instant openedAt, Double value, Double limit, String message, Instant acknowledgedAt,
            String acknowledgedBy, Instant resolvedAt, Instant shelvedUntil, String shelveReason) {
    }

    /** The body alone, without the version: written by the mapper, then prefixed by it. */
    private record Body(String siteId, List<OpenAlert> alerts) {
    }

    /** The stored form: {@code {"version":<n>,"site_id":…,"alerts":[…]}} (the mapper's field names: snake case). */
    public String encode(JsonMapper json) {
        String body = json.writeValueAsString(new Body(siteId, alerts));
        return VERSION_PREFIX + version + "," + body.substring(1);
    }

    public static OpenAlertsDocument decode(JsonMapper json, String stored) {
        return json.readValue(stored, OpenAlertsDocument.class);
    }
}
