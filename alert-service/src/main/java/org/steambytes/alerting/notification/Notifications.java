package org.steambytes.alerting.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.site.SiteDirectory;
import org.steambytes.alerting.site.SiteInfo;

/**
 * Queues e-mails in the transactional outbox ({@code notification_outbox}), in the transaction of the
 * transition that causes them. Each row has its own stable Message-ID. Rows are kept, but marked
 * {@code suppressed_reason} and never sent, during a maintenance window of the site, while the site
 * is in an alert flood (one summary goes out instead), or when the site has no recipients. Low
 * alerts' transitions wait for the site's digest ({@link Digests}).
 */
@Component
public class Notifications {

    private final JdbcClient jdbc;
    private final SiteDirectory sites;
    private final MailComposer composer;
    private final AlertingProperties.Notification settings;
    private final Clock clock;
    private final OutboxSender sender;

    Notifications(JdbcClient jdbc, SiteDirectory sites, MailComposer composer, AlertingProperties properties, Clock clock,
            OutboxSender sender) {
        this.sender = sender;
        this.jdbc = jdbc;
        this.sites = sites;
        this.composer = composer;
        this.settings = properties.notification();
        this.clock = clock;
    }

    /** The e-mail of a lifecycle transition (opened, acknowledged, resolved) to the site's notification e-mails. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void transition(AlertSnapshot alert, String transition, long eventId, Double value, Instant at, String actor,
            String note) {
        SiteInfo site = sites.find(alert.siteId()).orElse(null);
        if (site == null) {
            return; // the site was deleted meanwhile; its alerts go with it
        }
        Email email = composer.alert(site, alert, transition, value, at, actor, note);
        String suppressed = maintenance(site) ? "maintenance" : flood(site) ? "flood"
                : "low".equals(alert.severity()) ? Digests.WAITING : null;
        queue(site, alert.alertId(), "transition", messageId(alert.alertId(), transition, eventId),
                site.notificationEmails(), email, suppressed);
    }

    /** A reminder of an unacknowledged alert: {@code renotified} to the notification e-mails, {@code escalated} to the escalation ones. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reminder(AlertSnapshot alert, String transition, long eventId) {
        SiteInfo site = sites.find(alert.siteId()).orElse(null);
        if (site == null) {
            return;
        }
        boolean escalation = transition.equals("escalated");
        Email email = composer.alert(site, alert, transition, alert.value(), clock.instant(), null, null);
        queue(site, alert.alertId(), escalation ? "escalation" : "renotify", messageId(alert.alertId(), transition, eventId),
                escalation ? site.escalationEmails() : site.notificationEmails(), email,
                maintenance(site) ? "maintenance" : !escalation && inFlood(site) ? "flood" : null);
    }

    /** One e-mail listing a site's waiting low-priority transitions (outbox rows {@code first}..{@code last}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void digest(SiteInfo site, List<String> subjects, long first, long last) {
        queue(site, null, "digest", "<digest." + site.siteId() + "." + first + "-" + last + "@steambytes>",
                site.notificationEmails(), composer.digest(site, subjects), maintenance(site) ? "maintenance" : null);
    }

    private void queue(SiteInfo site, UUID alertId, String kind, String messageId, List<String> recipients, Email email,
            String suppressed) {
        if (suppressed == null && recipients.isEmpty()) {
            suppressed = "no_recipients";
        }
        jdbc.sql("INSERT INTO notification_outbox (message_id, site_id, alert_id, kind, recipients, subject, body,"
                        + " suppressed_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING")
                .params(messageId, site.siteId(), alertId, kind, recipients.toArray(String[]::new), email.subject(),
                        email.body(), suppressed)
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

    private boolean maintenance(SiteInfo site) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM maintenance_windows WHERE site_id = ? AND starts_at <= ?"
                        + " AND ends_at > ?)")
                .params(site.siteId(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .query(Boolean.class).single();
    }

    /**
     * More than {@code floodLimit} alerts opened at the site within {@code floodWindow}: the site is in a
     * flood. The first time in a window, one summary naming the window's first alert is queued.
     */
    private boolean flood(SiteInfo site) {
        Timestamp since = Timestamp.from(clock.instant().minus(settings.floodWindow()));
        long opened = openedSince(site, since);
        if (opened <= settings.floodLimit()) {
            return false;
        }
        boolean summarized = jdbc.sql("SELECT EXISTS (SELECT 1 FROM notification_outbox WHERE site_id = ?"
                        + " AND kind = 'flood_summary' AND created_at > ?)")
                .params(site.siteId(), since).query(Boolean.class).single();
        if (!summarized) {
            UUID first = jdbc.sql("SELECT e.alert_id FROM alert_events e JOIN alerts a ON a.alert_id = e.alert_id"
                            + " WHERE a.site_id = ? AND e.transition = 'opened' AND e.recorded_at > ? ORDER BY e.id LIMIT 1")
                    .params(site.siteId(), since).query(UUID.class).single();
            AlertSnapshot firstAlert = jdbc.sql("SELECT * FROM alerts WHERE alert_id = ?").param(first)
                    .query((rs, row) -> org.steambytes.alerting.alert.AlertRows.snapshot(rs)).single();
            Email summary = composer.floodSummary(site, opened, settings.floodWindow().toMinutes(), firstAlert);
            queue(site, null, "flood_summary", "<flood." + site.siteId() + "." + first + "@steambytes>",
                    site.notificationEmails(), summary, maintenance(site) ? "maintenance" : null);
        }
        return true;
    }

    /** In a flood, reminders to on-call are held back like the single e-mails (the summary went out); escalations still go. */
    private boolean inFlood(SiteInfo site) {
        return openedSince(site, Timestamp.from(clock.instant().minus(settings.floodWindow()))) > settings.floodLimit();
    }

    private long openedSince(SiteInfo site, Timestamp since) {
        return jdbc.sql("SELECT count(*) FROM alert_events e JOIN alerts a ON a.alert_id = e.alert_id"
                        + " WHERE a.site_id = ? AND e.transition = 'opened' AND e.recorded_at > ?")
                .params(site.siteId(), since).query(Long.class).single();
    }

    static String messageId(UUID alertId, String transition, long eventId) {
        return "<alert." + alertId + "." + transition + "." + eventId + "@steambytes>";
    }
}
