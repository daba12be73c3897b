package org.steambytes.alerting.lock;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Transaction-scoped PostgreSQL advisory locks: scheduled work that one replica at a time may do. */
public final class JobLocks {

    private JobLocks() {
    }

    /** True if this transaction now holds the lock named {@code job}; false if another holds it. */
    public static boolean tryLock(JdbcClient jdbc, String job) {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(?))").param(job).query(Boolean.class).single();
    }
}
