package org.steambytes.dashboard.admin;

import java.util.List;

/**
 * One field as the form template draws it: its control, current value or choices, and frontend-api's message
 * about it, tied to the control with {@code aria-describedby} and {@code aria-invalid}.
 *
 * @param control {@code input}, {@code select}, {@code textarea}, {@code checkbox} or {@code scope}
 * @param inputType for an {@code input}: text, password, number or datetime-local
 */
public record FieldView(String name, String label, String control, String inputType, String step, boolean required,
        boolean readOnly, String help, String value, boolean checked, List<Option> options, String error) {

    /** A choice of a select, a suggestion of a text field, or a site of a scope. */
    public record Option(String value, String label, boolean selected) {
    }

    public String id() {
        return "f-" + name;
    }

    public String helpId() {
        return id() + "-help";
    }

    public String errorId() {
        return id() + "-error";
    }

    public String listId() {
        return id() + "-options";
    }

    public boolean invalid() {
        return error != null;
    }

    /** The ids of the help text and the error, whichever there are. */
    public String describedBy() {
        String ids = (help != null ? helpId() : "") + (error != null ? " " + errorId() : "");
        return ids.isBlank() ? null : ids.strip();
    }
}
