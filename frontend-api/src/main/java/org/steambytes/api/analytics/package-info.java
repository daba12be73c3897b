/**
 * A site's analytics results, as ai-processor computed them (its cache key, or its internal API when
 * cold); never in this service's response cache. Uses caller and site (scope).
 */
package org.steambytes.api.analytics;
