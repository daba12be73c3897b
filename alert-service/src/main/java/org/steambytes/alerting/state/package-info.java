/**
 * A site's alerting state in Redis (per rule and sensor, last arrival per sensor, lost site) under
 * a per-site lock, rebuilt from PostgreSQL's alerts when missing. Uses rules and alert (read-only).
 */
package org.steambytes.alerting.state;
