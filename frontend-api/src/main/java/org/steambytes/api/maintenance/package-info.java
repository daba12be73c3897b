/**
 * Maintenance windows: the maintenance_windows table (periods in which a site's alerts are recorded but
 * no e-mail goes out), mapped so start-up validates it; no API yet. Uses nothing of the application.
 */
package org.steambytes.api.maintenance;
