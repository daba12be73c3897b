/**
 * The application's security chain: the baseline plus API keys and dashboard users' tokens (reading
 * needs any role, answering alerts and maintenance windows operator, other changes admin), their filters
 * and the response cache placed in it, 401/403 as problems. Uses caller, apikey, user, cache and the root
 * package's properties; nothing uses it.
 */
package org.steambytes.api.security;
