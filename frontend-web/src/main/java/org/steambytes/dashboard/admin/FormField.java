package org.steambytes.dashboard.admin;

import java.util.List;

/**
 * One field of a resource's form, named as frontend-api's JSON names it. {@code fixed} ({@link #identifying}): part of the
 * resource's identity, typed on create and only shown on edit; {@code initial}: the value a new form starts
 * with; {@code choices}: a select's options, or suggestions for a text field.
 */
record FormField(String name, String label, FieldType type, boolean required, String help, List<Choice> choices,
        String initial, boolean fixed) {

    /** A value a field offers, with what the page calls it. */
    record Choice(String value, String label) {

        static List<Choice> of(String... values) {
            return java.util.Arrays.stream(values).map(value -> new Choice(value, value.replace('_', ' '))).toList();
        }
    }

    static FormField of(String name, String label, FieldType type) {
        return new FormField(name, label, type, false, null, List.of(), null, false);
    }

    FormField mandatory() {
        return new FormField(name, label, type, true, help, choices, initial, fixed);
    }

    FormField help(String text) {
        return new FormField(name, label, type, required, text, choices, initial, fixed);
    }

    FormField choices(List<Choice> options) {
        return new FormField(name, label, type, required, help, List.copyOf(options), initial, fixed);
    }

    FormField initial(String value) {
        return new FormField(name, label, type, required, help, choices, value, fixed);
    }

    FormField identifying() {
        return new FormField(name, label, type, required, help, choices, initial, true);
    }
}
