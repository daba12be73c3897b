package org.steambytes.api.alert;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an alert's history. {@code type} is a transition alert-service recorded ({@code opened},
 * {@code acknowledged}, {@code resolved}, {@code renotified}, {@code escalated}, {@code shelved},
 * {@code unshelved}; with {@code actor}, {@code note} and {@code value} where it has them), {@code emailed}
 * (an e-mail about the alert went out at {@code at}) or {@code email_suppressed} (one was kept back, at the
 * time it was queued, for {@code suppressed_reason}); e-mail entries have {@code email_kind},
 * {@code subject} and {@code recipients}.
 */
public record AlertEventView(String type, Instant at, String actor, String note, Double value, String emailKind,
        String subject, List<String> recipients, String suppressedReason) {
}
