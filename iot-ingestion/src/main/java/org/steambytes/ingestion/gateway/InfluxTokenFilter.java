package org.steambytes.ingestion.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.steambytes.ingestion.metadata.MetadataUnavailableException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates gateways on InfluxDB's write endpoints by the token wherever InfluxDB clients put it
 * ({@link InfluxCredentials}); refusals are InfluxDB's 401 {@code {"error": "..."}}, not problem+json,
 * because InfluxDB clients show that field.
 */
public final class InfluxTokenFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayDirectory directory;

    InfluxTokenFilter(GatewayDirectory directory) {
        this.directory = directory;
    }

    /** The paths of InfluxDB's write API. */
    public static boolean handles(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.equals("/write") || uri.equals("/api/v2/write");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !handles(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = InfluxCredentials.tokenOf(request);
        if (token == null) {
            refuse(request, response, 401, "unauthorized", "unable to parse authentication credentials");
            return;
        }
        Optional<Gateway> gateway;
        try {
            gateway = directory.findByToken(token);
        } catch (MetadataUnavailableException e) {
            response.setHeader("Retry-After", "5");
            refuse(request, response, 503, "unavailable", e.getBody().getDetail());
            return;
        }
        if (gateway.isEmpty()) {
            refuse(request, response, 401, "unauthorized", "authorization failed: unknown or revoked gateway token");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                gateway.get(), null, List.of(new SimpleGrantedAuthority("ROLE_" + GatewayTokenFilter.ROLE))));
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String message) throws IOException {
        Map<String, String> body = request.getRequestURI().startsWith("/api/v2/")
                ? Map.of("code", code, "message", message, "error", message)
                : Map.of("error", message);
        response.setStatus(status);
        response.setHeader("X-Influxdb-Error", message);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Token");
        }
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
