/**
 * Dashboard users: the users table and its admin API (admin, operator or viewer, limited to sites;
 * bcrypt passwords) and the bootstrap admin user. Uses caller, the root package's properties and the
 * shared web helpers.
 */
package org.steambytes.api.user;
