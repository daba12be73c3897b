/**
 * Efficiency over time: a site's direct and combustion efficiency per analysed window, for charts, read
 * only from the analytics_results rows ai-processor writes, and never held in the response cache. Uses
 * caller and site (scope checks) and window (from/to).
 */
package org.steambytes.api.efficiency;
