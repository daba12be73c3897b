package org.steambytes.api.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records a change in {@code audit_events}. Called by a feature inside the transaction of its own change,
 * so both are stored or neither; for a change forwarded to another service (alerts, analytics settings),
 * after that service said yes ({@link #recordForwarded}).
 *
 * <p>{@code before} and {@code after} are what the API answers for the resource (snake_case), which never
 * holds a secret; as a second guard every field named like a secret (containing {@code hash} or
 * {@code secret}, ending in {@code password}, or a bare {@code token}/{@code key}/{@code api_key}) is dropped at any depth before the row is written.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Pattern SECRET_FIELD = Pattern.compile(".*(hash|secret).*|.*password");
    private static final Set<String> SECRET_NAMES = Set.of("token", "key", "api_key");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * In the caller's transaction. {@code before} null for a create, {@code after} null for a delete; either
     * may be a view record or a {@link JsonNode}.
     */
    public void record(ApiCaller caller, AuditAction action, AuditedResource resource, String resourceId,
            String siteId, Object before, Object after) {
        jdbc.update("INSERT INTO audit_events (at, actor_kind, actor_id, actor, action, resource_type, resource_id,"
                        + " site_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)",
                Timestamp.from(clock.instant()), caller.kind().value(), caller.name(), caller.actor(), action.wireName(),
                resource.wireName(), resourceId, siteId, document(before), document(after));
    }

    /**
     * For a change another service has already made: the change stands whatever happens here, so a failure
     * to record it is logged (with the whole event, so it can be replayed) rather than failing the answer.
     */
    public void recordForwarded(ApiCaller caller, AuditAction action, AuditedResource resource, String resourceId,
            String siteId, Object before, Object after) {
        try {
            record(caller, action, resource, resourceId, siteId, before, after);
        } catch (RuntimeException e) {
            log.error("Audit event not stored: {} {} {} {} of site {} by {}; after: {}", action.wireName(),
                    resource.wireName(), resourceId, e.toString(), siteId, caller.actor(), document(after));
        }
    }

    /** {@code view} with one more field, e.g. a user's {@code password_changed} (the password itself never). */
    public JsonNode with(Object view, String field, boolean value) {
        ObjectNode tree = (ObjectNode) json.valueToTree(view);
        tree.put(field, value);
        return tree;
    }

    private String document(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode tree = value instanceof JsonNode node ? node.deepCopy() : json.valueToTree(value);
        withoutSecrets(tree);
        return json.writeValueAsString(tree);
    }

    static void withoutSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = List.copyOf(object.propertyNames());
            object.remove(names.stream().filter(AuditLog::isSecret).toList());
            names.stream().filter(name -> !isSecret(name)).forEach(name -> withoutSecrets(object.get(name)));
        } else if (node != null && node.isArray()) {
            node.forEach(AuditLog::withoutSecrets);
        }
    }

    static boolean isSecret(String fieldName) {
        String name = fieldName.toLowerCase(java.util.Locale.ROOT);
        return SECRET_FIELD.matcher(name).matches() || SECRET_NAMES.contains(name);
    }
}
