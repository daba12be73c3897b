package org.steambytes.dashboard.admin;

/** How a field is asked for in the form and written into frontend-api's JSON. */
enum FieldType {
    /** A line of text; blank is left out (on create) or sent as "" (on edit, to clear it). */
    TEXT,
    /** Never prefilled; blank is left out (a user's password stays as it is). */
    PASSWORD,
    /** A JSON number as typed (a decimal); what does not parse is sent as typed, for frontend-api to name. */
    NUMBER,
    /** A JSON whole number; a decimal is sent as such, for frontend-api to refuse. */
    INTEGER,
    /** One of the field's choices; blank (an optional one's "default") is left out. */
    SELECT,
    /** A select of the site's sensors. */
    SENSOR,
    /** A JSON boolean: checked or not. */
    CHECKBOX,
    /** A date and time in the site's zone, sent as an instant. */
    DATETIME,
    /** Several lines of text. */
    TEXTAREA,
    /** E-mail addresses, one per line (or separated by commas), sent as a JSON array. */
    EMAILS,
    /** A site scope: {@code all_sites: true}, or {@code site_ids} from a checkbox per site the admin sees. */
    SCOPE
}
