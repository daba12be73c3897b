package org.steambytes.api.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One change as admins read it: who ({@code actor_kind} key or user, {@code actor_id} the key's id or the user's
 * name, {@code actor} as {@code api-key:<id>} / {@code user:<name>}), what and when, and the resource before and
 * after (null for a create / a delete, or where the owner's answer is all there is).
 */
public record AuditEventView(long eventId, Instant at, String actorKind, String actorId, String actor, String action,
        String resourceType, String resourceId, String siteId, JsonNode before, JsonNode after) {
}
