package org.steambytes.common.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * An error that already knows its problem-details answer, with a stable {@code code}. Subclass it
 * for domain errors with static factories ({@code UnknownSensorException.of(site, sensor)}).
 */
public class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatusCode status, String code, String detail) {
        this(status, code, detail, null);
    }

    /** With the failure behind it, for the log (never shown to the client). */
    protected ProblemException(HttpStatusCode status, String code, String detail, Throwable cause) {
        super(status, Problems.of(status, code, detail), cause);
    }

    public static ProblemException of(HttpStatusCode status, String code, String detail) {
        return new ProblemException(status, code, detail);
    }

    /** 422 {@code validation_failed} naming one field and what is wrong with it. */
    public static ProblemException invalid(String field, String message) {
        return of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", "1 field is invalid.")
                .withErrors(List.of(FieldProblem.of(field, message)));
    }

    public ProblemException withErrors(List<FieldProblem> errors) {
        Problems.withErrors(getBody(), errors);
        return this;
    }

    public ProblemException withHeader(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
