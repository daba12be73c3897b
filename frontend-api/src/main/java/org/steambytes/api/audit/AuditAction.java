package org.steambytes.api.audit;

import java.util.Locale;

/** What a change did: {@code action} in the audit log (a contract). */
public enum AuditAction {
    CREATE, UPDATE, DELETE, REVOKE, ACKNOWLEDGE, SHELVE, UNSHELVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
