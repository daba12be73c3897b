package org.steambytes.dashboard.admin;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A submitted form as frontend-api's JSON: numbers as numbers, flags as booleans, lists as arrays, local
 * times in the site's zone as instants; an optional field left empty is left out (so frontend-api's default
 * applies, or on edit the stored value stays), except text, which an edit sends as "" to clear it. What does
 * not convert is sent as typed, so that frontend-api names the field and says what is wrong: the one set
 * of validation messages is its own.
 */
final class JsonBodies {

    private JsonBodies() {
    }

    static ObjectNode of(ManagedResource resource, List<FormField> fields, FormValues form, boolean creating, ZoneId zone,
            JsonMapper json) {
        ObjectNode body = json.createObjectNode();
        if (resource.kinded()) {
            body.put("kind", resource.kindOrDefault(form.first("kind")));
        }
        for (FormField field : fields) {
            if (field.fixed() && !creating) {
                continue; // the path names it; frontend-api refuses a change
            }
            String name = field.name();
            String text = form.first(name).strip();
            switch (field.type()) {
                case CHECKBOX -> body.put(name, form.checked(name));
                case SCOPE -> {
                    List<String> chosen = form.all("site_ids").stream().filter(site -> !site.isBlank()).toList();
                    if (form.checked("all_sites")) {
                        body.put("all_sites", true);
                    } else if (!chosen.isEmpty() || !creating) {
                        // A new user or key without any site is left to frontend-api to refuse (a scope is stated,
                        // never implied); a changed one may lose all its sites.
                        ArrayNode sites = body.putArray("site_ids");
                        chosen.forEach(sites::add);
                    }
                }
                case EMAILS -> {
                    List<String> addresses = Arrays.stream(text.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
                    if (!addresses.isEmpty() || !creating) {
                        ArrayNode list = body.putArray(name);
                        addresses.forEach(list::add);
                    }
                }
                default -> {
                    if (text.isEmpty()) {
                        if (!creating && (field.type() == FieldType.TEXT || field.type() == FieldType.TEXTAREA)) {
                            body.put(name, "");
                        }
                        continue;
                    }
                    switch (field.type()) {
                        case NUMBER, INTEGER -> number(body, name, text);
                        case DATETIME -> body.put(name, instant(text, zone));
                        case TEXTAREA, PASSWORD -> body.put(name, form.first(name)); // as typed, spaces too
                        default -> body.put(name, text);
                    }
                }
            }
        }
        return body;
    }

    /** A number as typed ("1.5" stays 1.5, for frontend-api to refuse in a whole-number field); else the text. */
    private static void number(ObjectNode body, String name, String text) {
        try {
            BigDecimal number = new BigDecimal(text);
            if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                body.put(name, number.longValueExact());
            } else {
                body.put(name, number);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            body.put(name, text);
        }
    }

    /** {@code 2026-11-28T06:00} in the site's zone as an instant; anything else as typed. */
    private static String instant(String text, ZoneId zone) {
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant().toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
