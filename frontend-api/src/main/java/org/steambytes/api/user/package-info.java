/**
 * Dashboard users: the users table and its admin API (admin, operator or viewer, limited to sites;
 * bcrypt passwords), the bootstrap admin user, and the filter that turns frontend-web's
 * {@code Authorization: Bearer <user token>} into an {@code ApiCaller} resolved from the user's row on
 * every request. Uses caller, the root package's properties and the shared web helpers.
 */
package org.steambytes.api.user;
