package org.steambytes.common.problem;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every exception that reaches Spring MVC into RFC 9457 problem+json with a stable
 * {@code code}: Spring's own (404 unknown route, 405, 415, ...), validation with an {@code errors}
 * array, unreadable JSON with the field, and anything unexpected as a 500 that shows no internals.
 * Services add their own advice for domain exceptions; this one runs last.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        // JSON is snake_case everywhere: name the field as the client wrote it.
        ex.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(FieldProblem.of(snakeCase(error.getField()), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(FieldProblem.of(error.getObjectName(), error.getDefaultMessage())));
        return validationFailed(ex, headers, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(FieldProblem.of(result.getMethodParameter().getParameterName(),
                        error.getDefaultMessage()))));
        return validationFailed(ex, headers, errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> FieldProblem.of(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validationFailed(ex, new HttpHeaders(), errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable_body", "The request body is not valid JSON for this endpoint.");
        JacksonException jackson = findCause(ex, JacksonException.class);
        if (jackson != null) {
            String field = JsonPaths.of(jackson.getPath());
            problem.setDetail("The request body could not be read" + (field.isEmpty() ? "" : " at '" + field + "'")
                    + ": " + JsonPaths.reason(jackson));
            if (!field.isEmpty()) {
                Problems.withErrors(problem, List.of(FieldProblem.of(field, JsonPaths.reason(jackson))));
            }
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String message = "must be a valid " + (ex.getRequiredType() != null
                ? ex.getRequiredType().getSimpleName().toLowerCase() : "value");
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid_parameter", "'" + field + "' " + message);
        Problems.withErrors(problem, List.of(FieldProblem.of(field, message)));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNAUTHORIZED, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error answering {}", request.getDescription(false), ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred; it has been logged.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Every problem body gets a type URN and a stable code, also those Spring builds itself. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            Problems.withCode(problem, Problems.defaultCode(problem.getStatus()));
        }
        return response;
    }

    private ResponseEntity<Object> validationFailed(Exception ex, HttpHeaders headers, List<FieldProblem> errors,
            WebRequest request) {
        String detail = errors.isEmpty() ? "The request is invalid."
                : errors.size() + " field" + (errors.size() == 1 ? " is" : "s are") + " invalid.";
        ProblemDetail problem = Problems.withErrors(
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", detail), errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    static String snakeCase(String javaPath) {
        StringBuilder snake = new StringBuilder(javaPath.length() + 8);
        for (int i = 0; i < javaPath.length(); i++) {
            char c = javaPath.charAt(i);
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
