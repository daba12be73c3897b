/**
 * The alert lifecycle (open, acknowledged, resolved; reminders and escalation) and the only writer of
 * the alerts and alert_events tables; others read them through Alerts. Publishes AlertTransitioned in
 * the transaction of each transition. Uses the settings and the job locks.
 */
package org.steambytes.alerting.alert;
