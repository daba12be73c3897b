/**
 * Alert rules as frontend-api stores them, cached for a few seconds per replica. Uses common's rule
 * kinds and severities, nothing else of the service.
 */
package org.steambytes.alerting.rule;
