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
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.change.Change;
import org.steambytes.api.change.ChangeBus;
import org.steambytes.api.change.LocalCache;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.common.security.SecretHashing;

/**
 * Authenticates integrators by {@code X-API-Key}: a known, unrevoked key makes the request
 * {@code ROLE_READER}, {@code ROLE_OPERATOR} or {@code ROLE_ADMIN} with an {@link ApiCaller} as principal; an unknown one is a
 * 401 problem. {@code last_used_at} is written at most once a minute per key. A known key's caller is
 * kept in memory for up to 10 s (by the key's hash) and forgotten on every replica when any key
 * changes ({@link Change#callers()}); while the changes channel is not known to work, every request
 * reads PostgreSQL. A bean of its own here; the application's security chain places it (and keeps it
 * out of the plain servlet filters).
 */
@Component
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final Duration REMEMBERED_FOR = Duration.ofSeconds(10);

    /** A known key as this replica remembers it; {@code lastUsedAt} as last written. */
    private static final class KnownKey {
        private final ApiCaller caller;
        private volatile Instant lastUsedAt;

        KnownKey(ApiCaller caller, Instant lastUsedAt) {
            this.caller = caller;
            this.lastUsedAt = lastUsedAt;
        }
    }

    private final ApiKeyRepository keys;
    private final ProblemSecurityHandlers problems;
    private final Clock clock;
    private final LocalCache<String, KnownKey> known;

    ApiKeyAuthenticationFilter(ApiKeyRepository keys, ProblemSecurityHandlers problems, Clock clock, ChangeBus changes) {
        this.keys = keys;
        this.problems = problems;
        this.clock = clock;
        this.known = changes.cache(REMEMBERED_FOR, Change::aboutCallers);
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
        KnownKey key = known.get(SecretHashing.sha256Hex(presented.trim()), hash -> keys
                .findByKeyHashAndRevokedAtIsNull(hash).map(found -> new KnownKey(found.toCaller(), found.lastUsedAt()))
                .orElse(null));
        if (key == null) {
            problems.commence(request, response, new BadCredentialsException("Unknown or revoked API key."));
            return;
        }
        ApiCaller caller = key.caller;
        Instant now = clock.instant();
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(TOUCH_EVERY))) {
            key.lastUsedAt = now;
            keys.touch(caller.keyId(), now, now.minus(TOUCH_EVERY));
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()))));
        chain.doFilter(request, response);
    }
}
