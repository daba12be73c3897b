/**
 * The application's security chain: the baseline plus API keys (reading needs any role, changing needs
 * admin), the API-key filter and response cache placed in it, 401/403 as problems. Uses caller, apikey,
 * cache and the root package's properties; nothing uses it.
 */
package org.steambytes.api.security;
