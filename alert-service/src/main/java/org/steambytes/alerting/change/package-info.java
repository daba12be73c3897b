/**
 * Announcing alert changes on {@code alert_service:alert-changes} (docs/API.md "Redis") after each
 * transition commits, so the dashboard's live feed can refresh a site's alerts without polling. Uses
 * alert (its AlertTransitioned event, read only).
 */
package org.steambytes.alerting.change;
