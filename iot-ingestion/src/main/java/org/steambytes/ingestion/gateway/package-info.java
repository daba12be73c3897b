/**
 * Gateways and their bearer tokens: the token filter that authenticates a POST (SHA-256 lookup,
 * cached) and the gateways' security chain. Uses the settings and the metadata cache.
 */
package org.steambytes.ingestion.gateway;
