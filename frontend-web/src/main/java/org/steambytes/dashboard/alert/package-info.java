/**
 * Acting on alerts from the pages: acknowledge and shelve (POST forms with the CSRF token), sent to
 * frontend-api as the user, which records who did it and checks the role and site again. Uses
 * {@code api}.
 */
package org.steambytes.dashboard.alert;
