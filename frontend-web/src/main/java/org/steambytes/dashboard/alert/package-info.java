/**
 * The alert pages — {@code /alerts} (filtered, paged list) and {@code /alerts/{alert_id}} (detail with its
 * timeline of events) — and acting on alerts from the pages: acknowledge, shelve and unshelve (POST forms with the CSRF token), sent to
 * frontend-api as the user, which records who did it and checks the role and site again. Uses
 * {@code api}.
 */
package org.steambytes.dashboard.alert;
