package org.steambytes.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} array: which field (and, in a batch, which element) is
 * wrong and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(Integer index, String field, String message) {

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(null, field, message);
    }

    public static FieldProblem at(int index, String field, String message) {
        return new FieldProblem(index, field, message);
    }
}
