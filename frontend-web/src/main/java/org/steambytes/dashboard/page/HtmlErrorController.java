package org.steambytes.dashboard.page;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error path for browsers: the same {@code /error} as common's problem+json
 * controller, chosen when the request accepts HTML (Spring picks the mapping whose
 * {@code produces} matches), so scripts and probes still get problem+json.
 */
@Controller
class HtmlErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        response.setStatus(status);
        return ErrorPages.view(model, status, null);
    }
}
