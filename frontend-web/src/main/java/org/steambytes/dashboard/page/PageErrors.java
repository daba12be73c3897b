package org.steambytes.dashboard.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.steambytes.common.problem.Problems;
import org.steambytes.dashboard.api.ApiCallFailed;

/**
 * frontend-api's failures as the user sees them: its 404 (a missing site, or one outside the user's
 * scope) is this page's 404; 503 a "temporarily unavailable" page; a refused token (the user was
 * disabled since signing in) ends the session. Unknown routes answer an HTML 404 to browsers.
 * Scripts get problem+json with frontend-api's code.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ApiCallFailed.class)
    Object apiFailed(ApiCallFailed failure, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = failure.status();
        if (failure.unauthenticated()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (Browsers.navigating(request)) {
                return "redirect:/login?expired";
            }
        } else if (status >= 500) {
            log.warn("frontend-api failed for {}: {}", request.getRequestURI(), failure.getMessage());
        }
        int shown = status == 404 || status == 401 || status == 403 || status == 503 ? status
                : status >= 500 ? 503 : status;
        if (Browsers.navigating(request)) {
            response.setStatus(shown);
            return ErrorPages.view(model, shown, status == 422 || status == 409 ? failure.detail() : null);
        }
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(shown), failure.code(),
                failure.detail().isEmpty() ? "frontend-api answered " + status : failure.detail());
        return ResponseEntity.status(shown).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.toMap(problem));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object unknownRoute(NoResourceFoundException missing, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (Browsers.navigating(request)) {
            response.setStatus(404);
            return ErrorPages.view(model, 404, null);
        }
        return ResponseEntity.status(404).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.toMap(Problems.of(HttpStatusCode.valueOf(404), "not_found", "No such route.")));
    }
}
