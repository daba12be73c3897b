/**
 * A site's analytics settings: the analytics_configs table, which this package alone writes, and its
 * internal API for frontend-api (read with the columns' own defaults when a site has no row; changed
 * field by field, each checked). Uses nothing else of the service.
 */
package org.steambytes.analytics.config;
