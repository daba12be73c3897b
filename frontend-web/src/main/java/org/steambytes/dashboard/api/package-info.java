/**
 * The one client of frontend-api: every page reads and changes data through it, calling as the
 * signed-in user with a short-lived signed token (common's {@code UserTokens}), so frontend-api's
 * scope and role checks are the only data authorization. Its records are frontend-api's JSON
 * (docs/API.md); its exceptions say how a call failed. Uses the root package and common.
 */
package org.steambytes.dashboard.api;
