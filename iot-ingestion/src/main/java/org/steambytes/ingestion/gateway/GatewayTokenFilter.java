package org.steambytes.ingestion.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steambytes.common.problem.ProblemJsonWriter;
import org.steambytes.common.security.BearerToken;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.ingestion.metadata.MetadataUnavailableException;

/**
 * Authenticates gateways on {@code /api/v1/**} by their Bearer token: a known, unrevoked token makes
 * the request {@code ROLE_GATEWAY} with the {@link Gateway} as principal; a wrong one is a 401 problem.
 */
public final class GatewayTokenFilter extends OncePerRequestFilter {

    public static final String ROLE = "GATEWAY";

    private final GatewayDirectory directory;
    private final ProblemSecurityHandlers problems;
    private final ProblemJsonWriter writer;

    GatewayTokenFilter(GatewayDirectory directory, ProblemSecurityHandlers problems, ProblemJsonWriter writer) {
        this.directory = directory;
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || InfluxTokenFilter.handles(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = BearerToken.of(request);
        if (token == null) {
            chain.doFilter(request, response); // no credentials: the entry point answers 401
            return;
        }
        Optional<Gateway> gateway;
        try {
            gateway = directory.findByToken(token);
        } catch (MetadataUnavailableException e) {
            e.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            writer.write(response, e.getBody()); // headers first: writing the body commits the response
            return;
        }
        if (gateway.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("Unknown or revoked gateway token."));
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                gateway.get(), null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        chain.doFilter(request, response);
    }
}
