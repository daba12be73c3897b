/**
 * The internal history API: one sensor's readings aggregated per interval in a time zone, through
 * common's reading store, with closed buckets cached in Redis per site history generation. Uses the
 * root package's properties and nothing else of the service.
 */
package org.steambytes.analytics.history;
