/**
 * Gateways: the gateways table and its API, registering a site's data gateway (its token shown once)
 * and revoking it. Uses caller, site (scope checks) and the shared web helpers.
 */
package org.steambytes.api.gateway;
