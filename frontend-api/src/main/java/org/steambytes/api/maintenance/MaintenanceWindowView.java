package org.steambytes.api.maintenance;

import java.time.Instant;

/**
 * A maintenance window as the API shows it: {@code [starts_at, ends_at)}, why, and who made and last changed
 * it ({@code api-key:<key_id>} or {@code user:<username>}; {@code updated_by} null until changed).
 */
public record MaintenanceWindowView(Long windowId, String siteId, Instant startsAt, Instant endsAt, String reason,
        String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
}
