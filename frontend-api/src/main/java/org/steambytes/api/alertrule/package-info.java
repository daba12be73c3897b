/**
 * Alert rules: the alert_rules table and its API, what alert-service watches on a site or sensor
 * (threshold, rate of change, no data, frozen, anomaly, efficiency drop), validated per kind with
 * docs/DOMAIN.md's defaults. Uses caller, site and sensor (scope checks, the sensor's type), common's
 * alerting vocabulary and the shared web helpers.
 */
package org.steambytes.api.alertrule;
