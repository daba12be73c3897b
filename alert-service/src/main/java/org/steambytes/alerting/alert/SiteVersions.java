package org.steambytes.alerting.alert;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of each site's alerts ({@code alert_site_versions}): every transaction that changes an
 * alert of a site raises the site's version by one just before it commits. The row's lock orders those
 * transactions, so the later of two commits carries the higher version, and a snapshot of the site's
 * alerts read together with the version (one statement: {@link Alerts#openDocument}) is as new as its
 * version says. The sites are raised in the order of their ids and last thing before the commit, so
 * two transactions over several sites (reminders, unshelving) cannot deadlock on them.
 */
@Component
class SiteVersions {

    private final JdbcClient jdbc;

    SiteVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The site's alerts change in the current transaction (required). */
    void touched(String siteId) {
        Touched touched = (Touched) TransactionSynchronizationManager.getResource(this);
        if (touched == null) {
            touched = new Touched();
            TransactionSynchronizationManager.bindResource(this, touched);
            TransactionSynchronizationManager.registerSynchronization(touched);
        }
        touched.sites.add(siteId);
    }

    private final class Touched implements TransactionSynchronization {

        private final Set<String> sites = new TreeSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            for (String siteId : sites) {
                jdbc.sql("INSERT INTO alert_site_versions (site_id, version) VALUES (?, 1)"
                        + " ON CONFLICT (site_id) DO UPDATE SET version = alert_site_versions.version + 1")
                        .param(siteId).update();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SiteVersions.this);
        }
    }
}
