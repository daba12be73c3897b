/**
 * The internal history API: one sensor's readings aggregated per interval in a time zone, through
 * common's reading store. Uses nothing else of the service.
 */
package org.steambytes.analytics.history;
