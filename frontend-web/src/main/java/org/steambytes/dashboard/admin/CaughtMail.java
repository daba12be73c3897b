package org.steambytes.dashboard.admin;

import java.util.List;

/** One e-mail the embedded run's mail catcher received (its {@code GET /mail}, docs/OPERATIONS.md). */
record CaughtMail(String from, List<String> to, String subject, String text, String receivedAt) {
}
