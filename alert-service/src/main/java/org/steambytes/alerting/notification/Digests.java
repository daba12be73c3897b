package org.steambytes.alerting.notification;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.lock.JobLocks;
import org.steambytes.alerting.site.SiteDirectory;
import org.steambytes.alerting.site.SiteInfo;

/**
 * Low-priority alerts as a digest (docs/DOMAIN.md "Alerting practice"): their transitions wait in the outbox
 * as {@link Suppression#DIGEST_WAITING}; once a site's oldest waiting one is {@code digest-every} old, one e-mail lists
 * them all (in order) and they become {@code digested}. One replica at a time (a PostgreSQL advisory
 * lock), in the same transaction as the digest's own outbox row.
 */
@Component
public class Digests implements SchedulingConfigurer {

    private record Waiting(long id, String subject) {
    }

    private final JdbcClient jdbc;
    private final SiteDirectory sites;
    private final MailComposer composer;
    private final SiteConditions conditions;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final AlertingProperties.Notification settings;

    Digests(JdbcClient jdbc, SiteDirectory sites, MailComposer composer, SiteConditions conditions, Outbox outbox,
            TransactionTemplate transactions, AlertingProperties properties) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.composer = composer;
        this.conditions = conditions;
        this.outbox = outbox;
        this.transactions = transactions;
        this.settings = properties.notification();
    }

    /** Due digests are looked for every {@code reminder-check}, in every replica; one at a time sends them. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sendDue, settings.reminderCheck());
    }

    public void sendDue() {
        transactions.executeWithoutResult(tx -> {
            if (!JobLocks.tryLock(jdbc, "alert-service:digests")) {
                return;
            }
            List<String> due = jdbc.sql("SELECT site_id FROM notification_outbox WHERE suppressed_reason = ?"
                            + " GROUP BY site_id HAVING min(created_at) <= now() - make_interval(secs => ?)")
                    .params(Suppression.DIGEST_WAITING.wireName(), settings.digestEvery().toMillis() / 1000.0).query(String.class).list();
            for (String siteId : due) {
                sites.find(siteId).ifPresent(this::digest);
            }
        });
    }

    private void digest(SiteInfo site) {
        List<Waiting> waiting = jdbc.sql("SELECT id, subject FROM notification_outbox WHERE site_id = ?"
                        + " AND suppressed_reason = ? ORDER BY id")
                .params(site.siteId(), Suppression.DIGEST_WAITING.wireName()).query((rs, row) -> new Waiting(rs.getLong("id"), rs.getString("subject")))
                .list();
        if (waiting.isEmpty()) {
            return;
        }
        long first = waiting.get(0).id();
        long last = waiting.get(waiting.size() - 1).id();
        outbox.queue(site, null, OutboxKind.DIGEST, MessageIds.digest(site.siteId(), first, last),
                site.notificationEmails(), composer.digest(site, waiting.stream().map(Waiting::subject).toList()),
                conditions.maintenance(site) ? Suppression.MAINTENANCE : null);
        jdbc.sql("UPDATE notification_outbox SET suppressed_reason = ? WHERE site_id = ?"
                        + " AND suppressed_reason = ? AND id BETWEEN ? AND ?")
                .params(Suppression.DIGESTED.wireName(), site.siteId(), Suppression.DIGEST_WAITING.wireName(), first, last)
                .update();
    }
}
