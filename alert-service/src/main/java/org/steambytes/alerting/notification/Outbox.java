package org.steambytes.alerting.notification;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.steambytes.alerting.site.SiteInfo;

/**
 * Queues a message in the transactional outbox ({@code notification_outbox}) in the caller's
 * transaction, and wakes the sender once that commits. A message for nobody is kept as
 * {@link Suppression#NO_RECIPIENTS}; a suppressed one is kept and never sent.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final OutboxSender sender;

    Outbox(JdbcClient jdbc, OutboxSender sender) {
        this.jdbc = jdbc;
        this.sender = sender;
    }

    void queue(SiteInfo site, UUID alertId, OutboxKind kind, String messageId, List<String> recipients, Email email,
            Suppression suppressed) {
        if (suppressed == null && recipients.isEmpty()) {
            suppressed = Suppression.NO_RECIPIENTS;
        }
        jdbc.sql("INSERT INTO notification_outbox (message_id, site_id, alert_id, kind, recipients, subject, body,"
                        + " suppressed_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING")
                .params(messageId, site.siteId(), alertId, kind.wireName(), recipients.toArray(String[]::new),
                        email.subject(), email.body(), suppressed == null ? null : suppressed.wireName())
                .update();
        if (suppressed == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.wake();
                }
            });
        }
    }
}
