/**
 * Judging readings against a site's rules (threshold with delay and deadband, rate of change, frozen)
 * under the site's state lock, and opening or resolving alerts through the lifecycle. Uses rules,
 * sites, state and alert.
 */
package org.steambytes.alerting.evaluation;
