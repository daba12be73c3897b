package org.steambytes.api.web;

import java.sql.SQLException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.Problems;

/** Client mistakes that surface from Spring Data or the database, answered as problems instead of 500s. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DataAccessProblemsAdvice {

    /** {@code ?sort=nonsense} */
    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortProperty(PropertyReferenceException e) {
        return Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid_parameter",
                        "Cannot sort by '" + e.getPropertyName() + "'."),
                List.of(FieldProblem.of("sort", "unknown property '" + e.getPropertyName() + "'")));
    }

    /**
     * What the database refused, by its SQLSTATE: a duplicate is a conflict (often a concurrent request);
     * a reference to something that does not exist, a value too long or out of range is the request's
     * mistake; text with NUL characters cannot be stored at all.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(DataIntegrityViolationException e) {
        String state = sqlState(e);
        return switch (state == null ? "" : state) {
            case "23503" -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    "The request refers to something that does not exist (for example an unknown site in site_ids).");
            case "22001" -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    "A value is longer than allowed.");
            case "23514", "23502", "22003" -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    "A value is outside what is allowed.");
            case "22021", "22P05" -> Problems.of(HttpStatus.BAD_REQUEST, "invalid_text",
                    "Text must not contain NUL characters.");
            default -> Problems.of(HttpStatus.CONFLICT, "conflict",
                    "The change conflicts with the current data (it may have been made concurrently); reload and retry.");
        };
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
