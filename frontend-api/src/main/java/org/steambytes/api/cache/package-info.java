/**
 * The response cache: successful reads under {@code /api/v1/sites} (never latest values, ingestion
 * logs or what ai-processor writes) kept in Redis per caller scope, and forgotten by generation when a write changes the site.
 * Uses caller and the root package's properties (the cache namespace).
 */
package org.steambytes.api.cache;
