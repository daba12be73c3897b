package org.steambytes.api.change;

/**
 * A committed write that in-memory caches must forget, in its wire form ({@code topic}) on the changes
 * channel: {@code callers} (an API key or a dashboard user was added, changed, revoked or deleted),
 * {@code site:<site_id>} (the site, its sensors, gateways or anything else under it) or {@code sites}
 * (the list of sites). Publish it as a Spring event; it goes out once the transaction commits.
 */
public record Change(String topic) {

    static final String CALLERS = "callers";
    static final String SITE_PREFIX = "site:";
    static final String SITES = "sites";

    public static Change callers() {
        return new Change(CALLERS);
    }

    /** {@code siteId} null: only the list of sites. */
    public static Change site(String siteId) {
        return new Change(siteId == null ? SITES : SITE_PREFIX + siteId);
    }

    public boolean aboutCallers() {
        return topic.equals(CALLERS) || topic.equals(ChangeBus.EVERYTHING);
    }

    public boolean aboutSites() {
        return topic.startsWith(SITE_PREFIX) || topic.equals(SITES) || topic.equals(ChangeBus.EVERYTHING);
    }
}
