/**
 * Each site's non-resolved alerts as one JSON document in Redis ({@code alert_service:open-alerts:{<site_id>}},
 * docs/ARCHITECTURE.md §2), rewritten after every commit that changes them and guarded by the site's version,
 * for frontend-api's alerts list to read in one GET. Uses alert (its AlertTransitioned event and the reads of
 * Alerts), lock and the settings.
 */
package org.steambytes.alerting.openalert;
