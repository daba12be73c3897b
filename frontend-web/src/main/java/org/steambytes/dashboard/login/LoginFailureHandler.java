package org.steambytes.dashboard.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A throttled attempt shows the sign-in page with status 429 and how long to wait; any other
 * failure goes back to the page with one message that does not say which half was wrong.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String WAIT_ATTRIBUTE = LoginFailureHandler.class.getName() + ".wait";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof LoginThrottledException throttled) {
            request.setAttribute(WAIT_ATTRIBUTE, throttled.waitSeconds());
            response.setHeader("Retry-After", Long.toString(throttled.waitSeconds()));
            request.getRequestDispatcher(LoginController.THROTTLED_PATH).forward(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
