package org.steambytes.common.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's fallback error path ({@code /error}: errors raised outside MVC, e.g. in filters or
 * by the servlet container) answers problem+json too, never a white-label page or a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : HttpStatus.INTERNAL_SERVER_ERROR.value();
        HttpStatus resolved = HttpStatus.resolve(status);
        String detail = status >= 500 ? "An unexpected error occurred; it has been logged."
                : resolved != null ? resolved.getReasonPhrase() : "Request failed";
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.toMap(Problems.of(org.springframework.http.HttpStatusCode.valueOf(status), Problems.defaultCode(status), detail)));
    }
}
