package org.steambytes.alerting.alert;

import java.time.Instant;

/**
 * Published inside the transaction that recorded the transition ({@code alert_events} row
 * {@code eventId}), so whoever handles it (the e-mail outbox) commits or rolls back with it.
 *
 * @param alert the alert after the transition
 * @param value what caused it (a reading, a slope), null when nothing measured did
 * @param actor and {@code note}: who acknowledged or shelved, and why; null otherwise
 * @param shelved the alert was shelved when this happened (a resolution clears the shelving, so the
 *        alert after it no longer says so): no e-mail for it
 */
public record AlertTransitioned(AlertSnapshot alert, AlertTransition transition, long eventId, Double value,
        Instant at, String actor, String note, boolean shelved) {
}
