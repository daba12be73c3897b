/**
 * A site's dashboard ({@code /sites/{site_id}}): a tile per sensor, trend charts (their data through
 * {@code /sites/{site_id}/sensors/{sensor_id}/history}, which calls frontend-api's history as the
 * user with an interval that keeps a chart under ~2,000 points), analytics and the active alerts.
 * Uses {@code api}, {@code live} (the stream position the page starts its feed from) and {@code page}.
 */
package org.steambytes.dashboard.site;
