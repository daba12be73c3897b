/**
 * Readings history: a sensor's readings in time buckets (of the site's time zone unless asked
 * otherwise), read from ai-processor's internal history API. Uses caller, site and sensor (scope checks,
 * the site's time zone) and the root package's properties (ai-processor's address).
 */
package org.steambytes.api.history;
