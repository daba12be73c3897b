package org.steambytes.api.audit;

import java.util.Locale;

/** What kind of resource a change touched: {@code resource_type} in the audit log (a contract). */
public enum AuditedResource {
    SITE, SENSOR, GATEWAY, ALERT_RULE, MAINTENANCE_WINDOW, USER, API_KEY, ALERT, ANALYTICS_SETTINGS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
