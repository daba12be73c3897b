package org.steambytes.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A kind of thing the admin pages manage through frontend-api: where it lives ({@code collectionPath}, a URI
 * template with {@code {site}} for a site's resources; an item is {@code collectionPath/{id}}), its list
 * columns, its form fields and, for alert rules, which fields each {@code kind} reads. {@code secretField}
 * names the secret frontend-api answers once on create (a gateway's token, an API key); {@code editable}
 * false: created and removed (revoked), never changed.
 *
 * @param family the page path's segment, e.g. {@code sensors}
 * @param fieldsByKind kind → names of the fields it reads (every kind also reads the {@code always} fields)
 */
public record ManagedResource(String family, String singular, String plural, boolean siteScoped, String collectionPath,
        String idField, List<Column> columns, List<FormField> fields, Map<String, List<String>> fieldsByKind,
        List<String> always, boolean editable, String secretField, String removeVerb, boolean forcibleRemove,
        String intro, Function<JsonNode, String> describe) {

    public ManagedResource {
        fieldsByKind = new LinkedHashMap<>(fieldsByKind);
    }

    public boolean kinded() {
        return !fieldsByKind.isEmpty();
    }

    public List<String> kinds() {
        return List.copyOf(fieldsByKind.keySet());
    }

    /** The kind asked for if known, else the first. */
    String kindOrDefault(String kind) {
        return fieldsByKind.containsKey(kind) ? kind : kinds().get(0);
    }

    /** The fields of the form: all of them, or those the kind reads, in the resource's order. */
    List<FormField> fieldsFor(String kind) {
        if (!kinded()) {
            return fields;
        }
        List<String> applying = fieldsByKind.get(kindOrDefault(kind));
        return fields.stream().filter(f -> always.contains(f.name()) || applying.contains(f.name())).toList();
    }

    /** A gateway or key that was revoked stays listed but cannot be revoked again. */
    boolean active(JsonNode row) {
        return !row.hasNonNull("revoked_at");
    }

    String id(JsonNode row) {
        return row.path(idField).asString("");
    }

    public String title(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
