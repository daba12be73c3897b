package org.steambytes.ingestion.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * The gateway token in the places InfluxDB clients put credentials: {@code Authorization: Token <t>}
 * (2.x, and 1.8's token auth), {@code Authorization: Bearer <t>}, HTTP basic auth with the token as the
 * password, or the {@code p} query parameter (1.x); the user name ({@code u}) is ignored.
 */
public final class InfluxCredentials {

    private InfluxCredentials() {
    }

    /** The presented token, or null when the request carries none. */
    static String tokenOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            int space = header.indexOf(' ');
            String scheme = space > 0 ? header.substring(0, space) : header;
            String credentials = space > 0 ? header.substring(space + 1).trim() : "";
            if (scheme.equalsIgnoreCase("Token") || scheme.equalsIgnoreCase("Bearer")) {
                return credentials.isEmpty() ? null : credentials;
            }
            if (scheme.equalsIgnoreCase("Basic")) {
                return basicPassword(credentials);
            }
        }
        String password = query(request).get("p");
        return password == null || password.isEmpty() ? null : password;
    }

    private static String basicPassword(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 || colon == decoded.length() - 1 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The query string's parameters, read from the URL only: {@code getParameter} could read a form body,
     * and the body here is line protocol.
     */
    public static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> parameters = new HashMap<>();
        String query = request.getQueryString();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: leave that parameter out
            }
        }
        return parameters;
    }
}
