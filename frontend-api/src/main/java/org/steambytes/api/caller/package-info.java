/**
 * Who is calling and what they may see: the authenticated key's or dashboard user's role and site scope
 * (with {@code web}: {@code GET /api/v1/me}), and a site scope as a request states it. Uses no feature;
 * every feature may use it.
 */
package org.steambytes.api.caller;
