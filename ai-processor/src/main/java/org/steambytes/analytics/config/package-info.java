/**
 * A site's analytics settings (the analytics_configs table; today its mapping, validated against the
 * schema). Uses nothing else of the service.
 */
package org.steambytes.analytics.config;
