/**
 * A site's analytics: its latest result set, as ai-processor computed it (its cache key, or its internal
 * API when cold), and its analytics settings, read and changed through ai-processor's internal API
 * (ai-processor owns them); neither is held in this service's response cache. Uses caller and site
 * (scope), the root package's properties (ai-processor's address) and neighbour (its refusals passed on).
 */
package org.steambytes.api.analytics;
