package org.steambytes.dashboard.admin;

/** A column of a resource's list: a field of frontend-api's JSON and how to show it. */
public record Column(String field, String label, Shown shown) {

    public enum Shown {
        TEXT,
        /** An instant, in the site's zone (UTC on pages of no site). */
        TIME,
        /** A JSON array, comma-separated. */
        LIST,
        YES_NO,
        /** {@code all_sites} / {@code site_ids}. */
        SCOPE
    }

    static Column text(String field, String label) {
        return new Column(field, label, Shown.TEXT);
    }

    static Column time(String field, String label) {
        return new Column(field, label, Shown.TIME);
    }
}
