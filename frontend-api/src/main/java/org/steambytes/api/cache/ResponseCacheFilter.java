package org.steambytes.api.cache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;
import org.steambytes.api.caller.ApiCaller;

/**
 * Caches successful reads of sites and their metadata in Redis for 5 minutes and evicts them when a
 * write through this API changes the site. Runs after authentication; an entry is keyed by the
 * caller's scope, so it is only ever served to a caller who saw exactly that answer (a 200 stored for
 * one scope can never reach a key of another). Latest values, ingestion logs, what ai-processor writes
 * (analytics, its settings, anomalies, efficiency) and answers marked
 * {@code Cache-Control: no-store} (history of a window not yet closed) are never cached.
 * Redis unreachable: requests pass straight through.
 */
public final class ResponseCacheFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Cache";
    private static final Pattern SITE_PATH = Pattern.compile("^/api/v1/sites/([^/]+)(/.*)?$");
    private static final UrlPathHelper PATHS = new UrlPathHelper();
    /** They change nothing, and a HEAD answer has no body to keep. */
    private static final Set<String> READS_NOT_CACHED = Set.of("HEAD", "OPTIONS");

    private final ResponseCache cache;

    ResponseCacheFilter(ResponseCache cache) {
        this.cache = cache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/v1/sites");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiCaller caller = ApiCaller.current();
        String path = path(request);
        if (caller == null || READS_NOT_CACHED.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!request.getMethod().equals("GET")) {
            chain.doFilter(request, response);
            if (response.getStatus() < 400) {
                cache.evict(siteOf(path)); // the site's entries, and the site lists
            }
            return;
        }
        if (!cacheable(path)) {
            chain.doFilter(request, response);
            return;
        }
        String entry = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        ResponseCache.Lookup lookup = cache.lookup(caller, siteOf(path), entry);
        if (lookup.hit() != null) {
            response.setStatus(200);
            response.setHeader(HEADER, "HIT");
            response.setContentType("application/json");
            response.getOutputStream().write(lookup.hit().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        recorded.setHeader(HEADER, lookup.available() ? "MISS" : "BYPASS");
        chain.doFilter(request, recorded);
        if (lookup.available() && recorded.getStatus() == 200 && !noStore(recorded.getHeader("Cache-Control"))) {
            cache.store(lookup, new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8));
        }
        recorded.copyBodyToResponse();
    }

    /**
     * Never the live values, the growing ingestion log, nor what another service writes (analytics: read
     * fresh from ai-processor's own cache key; its settings, anomalies and efficiency series: ai-processor's
     * rows, which change without a write through this API; a sensor's readings history: iot-ingestion's
     * readings, whose closed buckets ai-processor caches itself — not even looked up, which would cost a
     * Redis read and a copy of the body per request). Nor a CSV export: it streams, and recording it would
     * hold the whole file in memory.
     */
    static boolean cacheable(String path) {
        return !path.endsWith(".csv") && !path.endsWith("/latest") && !path.endsWith("/readings") && !path.endsWith("/ingestion-logs") && !path.endsWith("/analytics")
                && !path.endsWith("/analytics-config") && !path.endsWith("/anomalies") && !path.endsWith("/efficiency");
    }

    /** A controller marks an answer that may change any moment (history of an open window) {@code no-store}. */
    static boolean noStore(String cacheControl) {
        return cacheControl != null && cacheControl.contains("no-store");
    }

    /**
     * The path as the controllers see it (percent-decoded, without ;parameters): {@code /sites/plant%2Da}
     * and {@code /sites/plant-a} are one site and one entry, and {@code /lates%74} is {@code /latest}.
     */
    private static String path(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    static String siteOf(String path) {
        Matcher matcher = SITE_PATH.matcher(path);
        return matcher.matches() ? matcher.group(1) : null;
    }

}
