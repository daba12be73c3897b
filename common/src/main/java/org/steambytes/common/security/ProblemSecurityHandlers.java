package org.steambytes.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.steambytes.common.problem.ProblemJsonWriter;
import org.steambytes.common.problem.Problems;

/** Spring Security's 401 and 403 answered as problem+json, like every other error. */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemJsonWriter writer;
    private final String challenge;

    /** @param challenge the {@code WWW-Authenticate} value sent with a 401, e.g. {@code Bearer} */
    public ProblemSecurityHandlers(ProblemJsonWriter writer, String challenge) {
        this.writer = writer;
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        String detail = e.getMessage() != null && e.getClass() != org.springframework.security.authentication
                .InsufficientAuthenticationException.class ? e.getMessage() : "Authentication is required.";
        writer.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        writer.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this."));
    }
}
