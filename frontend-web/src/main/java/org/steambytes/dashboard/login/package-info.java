/**
 * Signing in and the pages' security chain: form login against the {@code users} table (read only;
 * frontend-api owns it), bcrypt as frontend-api stores it, sessions in Redis under
 * {@code frontend_web:}, CSRF on every state-changing request, throttled failures, HTML answers for
 * browsers and problem+json for other clients. Uses the root package and common.
 */
package org.steambytes.dashboard.login;
