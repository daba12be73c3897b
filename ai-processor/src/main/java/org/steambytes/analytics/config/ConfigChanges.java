package org.steambytes.analytics.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;
import tools.jackson.databind.JsonNode;

/**
 * The fields a PUT gives, checked one by one (every wrong one is named at once). An absent field keeps
 * its value; an explicit null clears a nullable one. {@code site_id} and {@code updated_at} are read-only:
 * sending a GET's answer back is fine, but {@code site_id} must then name the path's site.
 */
final class ConfigChanges {

    private ConfigChanges() {
    }

    static Map<ConfigField, Object> parse(String siteId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(FieldProblem.of("body", "must be a JSON object of the fields to change")));
        }
        Map<ConfigField, Object> changes = new EnumMap<>(ConfigField.class);
        List<FieldProblem> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            String name = property.getKey();
            if (name.equals("updated_at")) {
                continue;
            }
            if (name.equals("site_id")) {
                if (!property.getValue().isString() || !property.getValue().stringValue().equals(siteId)) {
                    errors.add(FieldProblem.of(name, "is read-only: leave it out or give the path's site '" + siteId + "'"));
                }
                continue;
            }
            Optional<ConfigField> field = ConfigField.ofColumn(name);
            if (field.isEmpty()) {
                errors.add(FieldProblem.of(name, "unknown field"));
                continue;
            }
            StringBuilder error = new StringBuilder();
            Object value = field.get().read(property.getValue(), error);
            if (!error.isEmpty()) {
                errors.add(FieldProblem.of(name, error.toString()));
            } else {
                changes.put(field.get(), value);
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return changes;
    }

    private static ProblemException invalid(List<FieldProblem> errors) {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                errors.size() + " field" + (errors.size() == 1 ? " is" : "s are") + " invalid.").withErrors(errors);
    }
}
