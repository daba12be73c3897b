/**
 * Window statistics and the least-squares trend with its significance test and time to a
 * threshold (docs/DOMAIN.md "Analytics"): pure functions. Uses nothing else of the service.
 */
package org.steambytes.analytics.statistics;
