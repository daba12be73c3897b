package org.steambytes.embedded;

import java.time.Instant;
import java.util.List;

/** One e-mail the catcher received, as {@code GET /mail} lists it. */
record CaughtMail(String messageId, String from, List<String> to, String subject, String text, Instant receivedAt) {
}
