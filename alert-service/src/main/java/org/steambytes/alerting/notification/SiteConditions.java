package org.steambytes.alerting.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.alert.Alerts;
import org.steambytes.alerting.site.SiteInfo;

/**
 * What holds a site's e-mails back: a maintenance window now, or an alert flood (more than
 * {@code flood-limit} alerts opened within {@code flood-window}, docs/DOMAIN.md "Alerting practice"),
 * whose first notice queues one summary naming the window's first alert.
 */
@Component
class SiteConditions {

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final MailComposer composer;
    private final Outbox outbox;
    private final AlertingProperties.Notification settings;
    private final Clock clock;

    SiteConditions(JdbcClient jdbc, Alerts alerts, MailComposer composer, Outbox outbox, AlertingProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.composer = composer;
        this.outbox = outbox;
        this.settings = properties.notification();
        this.clock = clock;
    }

    boolean maintenance(SiteInfo site) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM maintenance_windows WHERE site_id = ? AND starts_at <= ?"
                        + " AND ends_at > ?)")
                .params(site.siteId(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .query(Boolean.class).single();
    }

    /** The site is in a flood; the first time in a window, its summary is queued (in the caller's transaction). */
    boolean flood(SiteInfo site) {
        Instant since = floodSince();
        long opened = alerts.openedSince(site.siteId(), since);
        if (opened <= settings.floodLimit()) {
            return false;
        }
        boolean summarized = jdbc.sql("SELECT EXISTS (SELECT 1 FROM notification_outbox WHERE site_id = ?"
                        + " AND kind = ? AND created_at > ?)")
                .params(site.siteId(), OutboxKind.FLOOD_SUMMARY.wireName(), Timestamp.from(since))
                .query(Boolean.class).single();
        if (!summarized) {
            AlertSnapshot first = alerts.firstOpenedSince(site.siteId(), since).orElseThrow();
            Email summary = composer.floodSummary(site, opened, settings.floodWindow().toMinutes(), first);
            outbox.queue(site, null, OutboxKind.FLOOD_SUMMARY, MessageIds.floodSummary(site.siteId(), first.alertId()),
                    site.notificationEmails(), summary, maintenance(site) ? Suppression.MAINTENANCE : null);
        }
        return true;
    }

    /** In a flood, reminders to on-call are held back like the single e-mails (the summary went out); escalations still go. */
    boolean inFlood(SiteInfo site) {
        return alerts.openedSince(site.siteId(), floodSince()) > settings.floodLimit();
    }

    private Instant floodSince() {
        return clock.instant().minus(settings.floodWindow());
    }
}
