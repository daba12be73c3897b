package org.steambytes.alerting.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.alert.AlertTransition;
import org.steambytes.alerting.alert.AlertTransitioned;
import org.steambytes.alerting.site.SiteDirectory;
import org.steambytes.alerting.site.SiteInfo;
import org.steambytes.common.alert.Severity;

/**
 * Turns each alert transition into its outbox message, in the transaction that recorded it (the
 * lifecycle's methods require one), so the transition and its e-mail commit or roll back together.
 * Handled at once rather than just before commit: a flood is judged by the alerts opened up to this
 * one, as they happen. Opened, acknowledged and resolved go to the site's notification e-mails (a low
 * alert's wait for the digest); "still open" reminders too, escalations to the escalation e-mails.
 * Shelving and unshelving are recorded events only; a transition of a shelved alert is kept as
 * {@code shelved} and not sent.
 */
@Component
class TransitionMails {

    private final SiteDirectory sites;
    private final MailComposer composer;
    private final SiteConditions conditions;
    private final Outbox outbox;

    TransitionMails(SiteDirectory sites, MailComposer composer, SiteConditions conditions, Outbox outbox) {
        this.sites = sites;
        this.composer = composer;
        this.conditions = conditions;
        this.outbox = outbox;
    }

    @EventListener
    void on(AlertTransitioned event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an alert transition's e-mail must be queued in its transaction");
        }
        if (event.transition().shelving()) {
            return;
        }
        SiteInfo site = sites.find(event.alert().siteId()).orElse(null);
        if (site == null) {
            return; // the site was deleted meanwhile; its alerts go with it
        }
        AlertSnapshot alert = event.alert();
        AlertTransition transition = event.transition();
        Email email = composer.alert(site, alert, transition, event.value(), event.at(), event.actor(), event.note());
        String messageId = MessageIds.alert(alert.alertId(), transition, event.eventId());
        if (transition == AlertTransition.ESCALATED) {
            outbox.queue(site, alert.alertId(), OutboxKind.ESCALATION, messageId, site.escalationEmails(), email,
                    event.shelved() ? Suppression.SHELVED : conditions.maintenance(site) ? Suppression.MAINTENANCE : null);
        } else if (transition == AlertTransition.RENOTIFIED) {
            outbox.queue(site, alert.alertId(), OutboxKind.RENOTIFY, messageId, site.notificationEmails(), email,
                    event.shelved() ? Suppression.SHELVED : conditions.maintenance(site) ? Suppression.MAINTENANCE
                            : conditions.inFlood(site) ? Suppression.FLOOD : null);
        } else {
            Suppression suppressed = event.shelved() ? Suppression.SHELVED
                    : conditions.maintenance(site) ? Suppression.MAINTENANCE
                    : conditions.flood(site) ? Suppression.FLOOD
                    : alert.severity() == Severity.LOW ? Suppression.DIGEST_WAITING : null;
            outbox.queue(site, alert.alertId(), OutboxKind.TRANSITION, messageId, site.notificationEmails(), email,
                    suppressed);
        }
    }
}
