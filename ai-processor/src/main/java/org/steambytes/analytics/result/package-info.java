/**
 * Analytics results per site, kind, sensor and window (the analytics_results table; today its mapping,
 * validated against the schema). Uses nothing else of the service.
 */
package org.steambytes.analytics.result;
