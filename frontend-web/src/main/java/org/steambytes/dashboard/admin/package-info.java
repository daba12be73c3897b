/**
 * The admin pages ({@code /admin/**}, role admin): sites, sensors, gateways, alert rules of every kind,
 * maintenance windows, users and API keys, listed, created, changed and deleted through frontend-api as the
 * signed-in admin, so its validation and scope are the only rules. One small form engine describes each
 * resource's fields and turns a form into frontend-api's JSON and its field errors back into the form.
 * {@code /admin/mail} lists the embedded run's caught e-mails when {@code MAIL_CATCHER_URL} is set.
 * Uses {@code api} and {@code page}; nothing uses it.
 */
package org.steambytes.dashboard.admin;
