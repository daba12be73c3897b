package org.steambytes.common.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** The token of an {@code Authorization: Bearer <token>} header. */
public final class BearerToken {

    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    /** The presented token, trimmed, or null when the request carries no Bearer credentials. */
    public static String of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim();
    }
}
