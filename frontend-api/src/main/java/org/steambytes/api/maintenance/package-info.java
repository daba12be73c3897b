/**
 * Maintenance windows: the maintenance_windows table (periods in which a site's alerts are recorded but
 * no e-mail goes out; alert-service reads it) and its API, kept by operators and admins of the site.
 * Uses caller, site (scope checks), window (parsing times) and the shared web helpers.
 */
package org.steambytes.api.maintenance;
