package org.steambytes.dashboard.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The sign-in page; Spring Security handles its POST. */
@Controller
class LoginController {

    static final String THROTTLED_PATH = "/login/throttled";

    @GetMapping("/login")
    String login() {
        return "login/login";
    }

    /** Reached by forward from a throttled POST /login (any method), never linked. */
    @RequestMapping(THROTTLED_PATH)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object wait = request.getAttribute(LoginFailureHandler.WAIT_ATTRIBUTE);
        if (wait == null) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("waitSeconds", wait);
        return "login/login";
    }
}
