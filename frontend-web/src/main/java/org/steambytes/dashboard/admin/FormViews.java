package org.steambytes.dashboard.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steambytes.dashboard.admin.FormField.Choice;
import org.steambytes.dashboard.api.ApiCallFailed;

/**
 * Puts a form together for the template: each field with its value and, from a refusal of frontend-api,
 * its message; the messages about fields the form does not show go to the summary at the top.
 */
final class FormViews {

    private FormViews() {
    }

    static FormView of(List<FormField> fields, FormValues values, boolean creating, ApiCallFailed refusal,
            List<Choice> sensors, List<Choice> sites) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (refusal != null) {
            for (ApiCallFailed.FieldError error : refusal.errors()) {
                String field = formField(error.field(), fields);
                if (field == null) {
                    problems.add(error.field().isBlank() ? error.message() : error.field() + ": " + error.message());
                } else {
                    errors.merge(field, error.message(), (a, b) -> a + "; " + b);
                }
            }
            if (refusal.errors().isEmpty() || refusal.status() != 422 && refusal.status() != 400) {
                problems.add(0, refusal.detail().isBlank() ? "frontend-api refused (" + refusal.code() + ")." : refusal.detail());
            } else if (!errors.isEmpty()) {
                problems.add(0, errors.size() == 1 ? "One field needs a change: see its message below."
                        : errors.size() + " fields need a change: see their messages below.");
            }
        }
        List<FieldView> views = new ArrayList<>();
        for (FormField field : fields) {
            views.add(view(field, values, creating, errors.get(field.name()), sensors, sites));
        }
        return new FormView(views, problems);
    }

    /** The form's field an error names: {@code site_ids[2]} is the site list's, {@code all_sites} the scope's. */
    static String formField(String apiField, List<FormField> fields) {
        String base = apiField.split("[\\[.]", 2)[0];
        if (base.equals("all_sites")) {
            base = "site_ids";
        }
        for (FormField field : fields) {
            if (field.name().equals(base)) {
                return base;
            }
        }
        return null;
    }

    private static FieldView view(FormField field, FormValues values, boolean creating, String error,
            List<Choice> sensors, List<Choice> sites) {
        String value = values.first(field.name());
        boolean readOnly = field.fixed() && !creating;
        boolean required = field.required() && !(field.type() == FieldType.PASSWORD && !creating);
        return switch (field.type()) {
            case SELECT, SENSOR -> {
                List<Choice> choices = field.type() == FieldType.SENSOR ? sensors : field.choices();
                List<FieldView.Option> options = new ArrayList<>();
                if (required && choices.stream().noneMatch(choice -> choice.value().equals(value))) {
                    options.add(new FieldView.Option("", "Choose…", true));
                }
                for (Choice choice : choices) {
                    options.add(new FieldView.Option(choice.value(), choice.label(), choice.value().equals(value)));
                }
                yield new FieldView(field.name(), field.label(), "select", null, null, required, false, field.help(), value,
                        false, options, error);
            }
            case CHECKBOX -> new FieldView(field.name(), field.label(), "checkbox", "checkbox", null, false, false,
                    field.help(), "true", values.checked(field.name()), List.of(), error);
            case SCOPE -> new FieldView(field.name(), field.label(), "scope", null, null, false, false, field.help(), null,
                    values.checked("all_sites"), sites.stream().map(site -> new FieldView.Option(site.value(), site.label(),
                            values.all("site_ids").contains(site.value()))).toList(), error);
            case TEXTAREA, EMAILS -> new FieldView(field.name(), field.label(), "textarea", null, null, required, false,
                    field.help(), value, false, List.of(), error);
            default -> new FieldView(field.name(), field.label(), "input", inputType(field.type()),
                    field.type() == FieldType.NUMBER ? "any" : field.type() == FieldType.INTEGER ? "1" : null, required,
                    readOnly, field.help(), field.type() == FieldType.PASSWORD ? "" : value, false,
                    field.choices().stream().map(choice -> new FieldView.Option(choice.value(), choice.label(), false)).toList(),
                    error);
        };
    }

    private static String inputType(FieldType type) {
        return switch (type) {
            case PASSWORD -> "password";
            case NUMBER, INTEGER -> "number";
            case DATETIME -> "datetime-local";
            default -> "text";
        };
    }
}
