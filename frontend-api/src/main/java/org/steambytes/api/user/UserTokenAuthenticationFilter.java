package org.steambytes.api.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.api.change.Change;
import org.steambytes.api.change.ChangeBus;
import org.steambytes.api.change.LocalCache;
import org.steambytes.common.security.BearerToken;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.common.security.UserTokens;

/**
 * Authenticates dashboard users by {@code Authorization: Bearer <user token>} (common's
 * {@link UserTokens}, signed by frontend-web, naming only the user). The token proves who the user is;
 * what they may do is read from PostgreSQL on every request ({@code users}, {@code user_site_access}),
 * so a disabled or deleted user is refused (401) and a changed role or scope applies at the next request.
 * A user found is kept in memory for up to 10 s and forgotten on every replica when any user
 * changes through this API ({@link Change#callers()}); while the changes channel is not known to work,
 * every request reads PostgreSQL.
 * The role maps viewer → reader, operator → operator, admin → admin, and the request then carries an
 * {@link ApiCaller} scoped exactly like an API key with that role and sites. A token that is forged,
 * expired or not a user token at all (the internal token, a gateway token) is a 401 problem; so is a
 * request that sends both a user token and an API key.
 */
@Component
public final class UserTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String FIND = "SELECT u.role, u.all_sites, u.enabled,"
            + " array(SELECT a.site_id FROM user_site_access a WHERE a.username = u.username) AS site_ids"
            + " FROM users u WHERE u.username = ?";

    private final UserTokens tokens;
    private final JdbcTemplate jdbc;
    private final ProblemSecurityHandlers problems;
    private final LocalCache<String, ApiCaller> known;

    UserTokenAuthenticationFilter(UserTokens tokens, JdbcTemplate jdbc, ProblemSecurityHandlers problems,
            ChangeBus changes) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.problems = problems;
        this.known = changes.cache(Duration.ofSeconds(10), Change::aboutCallers);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = BearerToken.of(request);
        if (presented == null) {
            chain.doFilter(request, response); // an API key, or nothing (the entry point answers 401)
            return;
        }
        if (request.getHeader("X-API-Key") != null) {
            refuse(request, response, "Send either X-API-Key or a Bearer user token, not both.");
            return;
        }
        Optional<UserTokens.Verified> verified = tokens.verify(presented);
        if (verified.isEmpty()) {
            refuse(request, response, "Invalid or expired user token.");
            return;
        }
        Optional<ApiCaller> caller = Optional.ofNullable(known.get(verified.get().username(),
                username -> resolve(username).orElse(null)));
        if (caller.isEmpty()) {
            refuse(request, response, "Unknown or disabled user.");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller.get(), null, List.of(new SimpleGrantedAuthority("ROLE_" + caller.get().role().name()))));
        chain.doFilter(request, response);
    }

    /** The user's role and sites as stored now; empty for a missing or disabled user. */
    Optional<ApiCaller> resolve(String username) {
        return jdbc.query(FIND, (rs, row) -> {
            Optional<ApiRole> role = ApiRole.ofDashboardRole(rs.getString("role"));
            if (!rs.getBoolean("enabled") || role.isEmpty()) {
                return null;
            }
            return ApiCaller.user(username, role.get(), rs.getBoolean("all_sites"), sites(rs.getArray("site_ids")));
        }, username).stream().filter(Objects::nonNull).findFirst();
    }

    private static Set<String> sites(Array array) throws SQLException {
        return array == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        SecurityContextHolder.clearContext();
        problems.commence(request, response, new BadCredentialsException(why));
    }
}
