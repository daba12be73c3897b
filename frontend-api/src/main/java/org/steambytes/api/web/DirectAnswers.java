package org.steambytes.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * For the hot reads answered in the security chain without Spring MVC's dispatch (the latest values, a site's open
 * alerts: docs/PERFORMANCE.md "Read path", fourth pass): which requests are plain enough to take, and writing the
 * answer as Spring MVC would have.
 */
public final class DirectAnswers {

    private DirectAnswers() {
    }

    /**
     * Whether {@code text[from, to)} is non-empty and only unreserved URI characters ({@code A-Z a-z 0-9 - . _ ~}):
     * nothing percent-encoded, no matrix parameter, no {@code +}, so it reads the same raw and decoded. {@code .}
     * and {@code ..} alone are not plain (path segments with a meaning of their own).
     */
    public static boolean plain(String text, int from, int to) {
        if (from >= to || (to - from <= 2 && text.substring(from, to).replace(".", "").isEmpty())) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 200 with this JSON body, the request's observation named by the controller's path {@code pattern} (so
     * {@code http.server.requests} tags it as Spring MVC did).
     */
    public static void writeJson(HttpServletRequest request, HttpServletResponse response, String pattern, byte[] body)
            throws IOException {
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(pattern));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
