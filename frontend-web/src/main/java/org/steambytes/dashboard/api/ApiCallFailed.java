package org.steambytes.dashboard.api;

import java.util.List;

/**
 * frontend-api refused or could not answer a call: its status, stable {@code code}, {@code detail}
 * and field errors as it sent them (a 404 is also what a site outside the user's scope answers);
 * 503 {@code frontend_api_unavailable} when it could not be reached at all.
 */
public final class ApiCallFailed extends RuntimeException {

    /** One entry of a problem's {@code errors}. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldError> errors;

    ApiCallFailed(int status, String code, String detail, List<FieldError> errors) {
        super("frontend-api answered " + status + " " + code + ": " + detail);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    static ApiCallFailed unreachable(String why) {
        return new ApiCallFailed(503, "frontend_api_unavailable", "The data service cannot be reached (" + why + ").",
                List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** The token was refused: the user was disabled or removed since signing in. */
    public boolean unauthenticated() {
        return status == 401;
    }
}
