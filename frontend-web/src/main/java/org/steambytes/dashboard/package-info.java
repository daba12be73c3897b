/**
 * frontend-web, the operators' dashboard: the application, its settings and the machine routes'
 * security. Features: {@code login} (sign-in, sessions, the pages' security chain), {@code api}
 * (the one client of frontend-api, called as the signed-in user), {@code page} (layout and error
 * pages), {@code overview}, {@code site}, {@code alert} (acknowledge, shelve) and {@code live} (the
 * SSE feed from the readings stream). The root uses nothing of the features.
 */
package org.steambytes.dashboard;
