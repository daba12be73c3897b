/**
 * Analytics results: the analytics_results rows (this package alone writes them) and the cached
 * snapshot of each site's latest set. Uses nothing else of the service.
 */
package org.steambytes.analytics.result;
