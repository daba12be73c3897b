package org.steambytes.api.apikey;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.common.security.SecretHashing;

/**
 * Authenticates integrators by {@code X-API-Key}: a known, unrevoked key makes the request
 * {@code ROLE_READER}, {@code ROLE_OPERATOR} or {@code ROLE_ADMIN} with an {@link ApiCaller} as principal; an unknown one is a
 * 401 problem. {@code last_used_at} is written at most once a minute per key. A bean of its own here;
 * the application's security chain places it (and keeps it out of the plain servlet filters).
 */
@Component
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final ProblemSecurityHandlers problems;
    private final Clock clock;

    ApiKeyAuthenticationFilter(ApiKeyRepository keys, ProblemSecurityHandlers problems, Clock clock) {
        this.keys = keys;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null || presented.isBlank()) {
            chain.doFilter(request, response); // the entry point answers 401
            return;
        }
        Optional<ApiKey> key = keys.findByKeyHashAndRevokedAtIsNull(SecretHashing.sha256Hex(presented.trim()));
        if (key.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("Unknown or revoked API key."));
            return;
        }
        ApiCaller caller = key.get().toCaller();
        Instant now = clock.instant();
        if (key.get().lastUsedAt() == null || key.get().lastUsedAt().isBefore(now.minus(TOUCH_EVERY))) {
            keys.touch(caller.keyId(), now, now.minus(TOUCH_EVERY));
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()))));
        chain.doFilter(request, response);
    }
}
