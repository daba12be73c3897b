package org.steambytes.common.problem;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Names the place and the reason of a JSON reading failure the way a client can act on it. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code readings[3].value} for a path of property names and array indexes. */
    public static String of(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** A short reason without Java class names or parser internals. */
    public static String reason(JacksonException e) {
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not a valid " + typeName(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched) {
            return "expected " + typeName(mismatched.getTargetType());
        }
        if (e instanceof StreamReadException) {
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            return "malformed JSON: " + (newline > 0 ? message.substring(0, newline) : message);
        }
        return "invalid value";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == java.math.BigDecimal.class) {
            return "number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
