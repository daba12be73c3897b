/**
 * The silence watch: no-data and site-lost alerts, clearing quiet sensors after their off-delay,
 * resolving orphaned alerts. Uses state, evaluation, alert, rules, sites and the settings.
 */
package org.steambytes.alerting.watch;
