package org.steambytes.api.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.steambytes.api.directread.DirectReadFilter;

/** What the tests of the direct reads ({@link DirectReadFilter}) share: asking over HTTP, comparing answers. */
public final class DirectReads {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DirectReads() {
    }

    /** A GET with the API key and, unless null, this {@code Accept}. */
    public static HttpResponse<String> get(int port, String apiKey, String path, String accept)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every header but the date, names in lower case. */
    public static Map<String, List<String>> headersButDate(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("date")) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }

    /**
     * The filter's own answer to this request ({@code query} and {@code accept} null for none), or null when it sent
     * the request on down the chain.
     */
    public static MockHttpServletResponse answered(DirectReadFilter filter, String method, String uri, String query,
            String accept) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setQueryString(query);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicInteger passed = new AtomicInteger();
        filter.doFilter(request, response, (req, res) -> passed.incrementAndGet());
        return passed.get() == 0 ? response : null;
    }

    /** How many successful GETs {@code http.server.requests} has counted under this path pattern. */
    public static long served(MeterRegistry meters, String pattern) {
        Timer timer = meters.find("http.server.requests").tag("uri", pattern).tag("status", "200").tag("method", "GET")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    /** Waits up to a second for the count to move past {@code before}: the observation stops after the answer is written. */
    public static void awaitServed(MeterRegistry meters, String pattern, long before) throws InterruptedException {
        for (int i = 0; i < 50 && served(meters, pattern) == before; i++) {
            Thread.sleep(20);
        }
    }
}
