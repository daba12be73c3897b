package org.steambytes.api.web;

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

    /** A concurrent request created or removed the same thing first. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "conflict",
                "The change conflicts with the current data (it may have been made concurrently); reload and retry.");
    }
}
