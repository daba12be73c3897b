package org.steambytes.dashboard.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/alerts/{alert_id}/events}: the alert's history oldest first — its transitions
 * (with who and the note or reason) and the e-mails about it (sent, or kept back and why).
 */
public record AlertTimeline(String alertId, String siteId, List<Event> events, boolean truncated) {

    /** One entry; {@code type} is opened, acknowledged, resolved, renotified, escalated, shelved, unshelved, emailed or email_suppressed. */
    public record Event(String type, Instant at, String actor, String note, Double value, String emailKind,
            String subject, List<String> recipients, String suppressedReason) {
    }
}
