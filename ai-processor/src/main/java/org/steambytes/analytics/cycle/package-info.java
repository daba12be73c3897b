/**
 * The analytics cycle: each enabled site's window read in one query, analysed (statistics, trend,
 * time to threshold, staleness, efficiency) and stored, sites split between replicas. Uses site,
 * statistics, efficiency, result and the settings.
 */
package org.steambytes.analytics.cycle;
