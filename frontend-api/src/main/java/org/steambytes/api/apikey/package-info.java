/**
 * API keys: the api_keys table and its admin API, the bootstrap admin key, and the filter that turns
 * an {@code X-API-Key} header into an {@code ApiCaller}. Uses caller, the root package's properties and
 * the shared web helpers.
 */
package org.steambytes.api.apikey;
