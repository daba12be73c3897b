package org.steambytes.dashboard.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/** What a form holds, as text: what the admin typed, or a resource from frontend-api written into its fields. */
record FormValues(Map<String, List<String>> values) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    FormValues {
        values = new LinkedHashMap<>(values);
    }

    static FormValues submitted(MultiValueMap<String, String> form) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        form.forEach((name, list) -> values.put(name, List.copyOf(list)));
        return new FormValues(values);
    }

    /** A new form: each field's initial value. */
    static FormValues initial(List<FormField> fields) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FormField field : fields) {
            if (field.initial() != null) {
                values.put(field.name(), List.of(field.initial()));
            }
        }
        return new FormValues(values);
    }

    /** An edit form: the resource's values in the form's terms (times in {@code zone}; never a password). */
    static FormValues of(JsonNode resource, List<FormField> fields, ZoneId zone) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FormField field : fields) {
            JsonNode value = resource.path(field.name());
            switch (field.type()) {
                case PASSWORD -> { }
                case SCOPE -> {
                    List<String> sites = new ArrayList<>();
                    resource.path("site_ids").forEach(site -> sites.add(site.asString()));
                    values.put("site_ids", sites);
                    values.put("all_sites", List.of(String.valueOf(resource.path("all_sites").asBoolean(false))));
                }
                case EMAILS -> {
                    List<String> lines = new ArrayList<>();
                    value.forEach(item -> lines.add(item.asString()));
                    values.put(field.name(), List.of(String.join("\n", lines)));
                }
                case DATETIME -> {
                    if (value.isString()) {
                        values.put(field.name(), List.of(LOCAL.format(Instant.parse(value.asString()).atZone(zone))));
                    }
                }
                case CHECKBOX -> values.put(field.name(), List.of(String.valueOf(value.asBoolean(false))));
                default -> {
                    if (!value.isNull() && !value.isMissingNode()) {
                        values.put(field.name(), List.of(value.asString()));
                    }
                }
            }
        }
        if (resource.has("kind")) {
            values.put("kind", List.of(resource.path("kind").asString()));
        }
        return new FormValues(values);
    }

    String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.get(0) == null ? "" : list.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean checked(String name) {
        String value = first(name);
        return value.equals("true") || value.equals("on");
    }

    /** The same values with {@code name} set (e.g. the kind chosen on the page). */
    FormValues with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.put(name, List.of(value));
        return new FormValues(copy);
    }
}
