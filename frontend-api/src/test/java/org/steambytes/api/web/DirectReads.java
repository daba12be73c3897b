package org.steambytes.api.web;

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

    /** The filter's own answer to the request, or null when it sent the request on down the chain. */
    public static MockHttpServletResponse answered(DirectReadFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicInteger passed = new AtomicInteger();
        filter.doFilter(request, response, (req, res) -> passed.incrementAndGet());
        return passed.get() == 0 ? response : null;
    }
}
