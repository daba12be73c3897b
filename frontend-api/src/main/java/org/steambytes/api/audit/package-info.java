/**
 * The audit log: every change made through this API (sites, sensors, gateways, alert rules, maintenance
 * windows, users, keys, analytics settings, acknowledging and shelving alerts), who made it, when, and the
 * resource before and after, in the append-only {@code audit_events} table, which only this service writes.
 * Features record their changes through {@link org.steambytes.api.audit.AuditLog}; with {@code web}:
 * {@code GET /api/v1/audit-events} for admins. Uses caller only.
 */
package org.steambytes.api.audit;
