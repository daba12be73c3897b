package org.steambytes.api.latest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.api.cache.ResponseCacheFilter;
import org.steambytes.api.latest.web.LatestValuesFilter;
import org.steambytes.api.directread.DirectReadFilter;
import org.steambytes.api.web.DirectReads;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;

/**
 * The latest values answered in the security chain ({@link LatestValuesFilter}) are Spring MVC's answer byte for
 * byte, headers included; every request it does not take (another spelling, method or media type, an error)
 * still reaches the controller and is answered as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LatestValuesFilterTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    LatestValuesFilter filter;
    @Autowired
    MeterRegistry meters;
    @Autowired
    SecurityFilterChain securityChain;

    private SiteFixture site;
    private String reader;

    @BeforeEach
    void siteWithALatestValue() {
        site = Fixtures.boilerHouse();
        reader = Fixtures.apiKey("reader", false, site.siteId());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(5);
        redis.opsForHash().put(RedisKeys.latest(site.siteId(), "steam_pressure"), "b1-steam-pressure",
                "{\"value\":10.4,\"unit\":\"bar\",\"ts\":\"" + at + "\",\"ts_ms\":" + at.toEpochMilli()
                        + ",\"sensor_type\":\"steam_pressure\"}");
        // A value Java writes in scientific notation; the flue gas temperature stays without one (nulls).
        redis.opsForHash().put(RedisKeys.latest(site.siteId(), "flue_gas_o2"), "b1-o2",
                "{\"value\":1.0E-5,\"unit\":\"%\",\"ts\":\"" + at + "\",\"ts_ms\":" + at.toEpochMilli()
                        + ",\"sensor_type\":\"flue_gas_o2\"}");
    }

    @Test
    void theFilterAndSpringMvcAnswerTheSameBytesAndHeaders() throws Exception {
        String plain = "/api/v1/sites/" + site.siteId() + "/latest";
        // The same resource, spelled so the filter leaves it to Spring MVC (a percent-encoded letter of the path).
        String encoded = "/api/v1/sites/" + site.siteId() + "/lates%74";
        for (String accept : new String[] {null, "application/json", "*/*", "application/json, text/plain;q=0.5"}) {
            HttpResponse<String> byFilter = get(plain, accept);
            HttpResponse<String> byMvc = get(encoded, accept);

            assertThat(byFilter.statusCode()).as(byFilter.body()).isEqualTo(200);
            assertThat(byFilter.body()).isEqualTo(byMvc.body()).contains("\"b1-steam-pressure\"").contains("10.4")
                    .contains("1.0E-5").contains("\"value\":null").contains("°C");
            assertThat(DirectReads.headersButDate(byFilter)).as("Accept: " + accept).isEqualTo(DirectReads.headersButDate(byMvc));
        }
    }

    @Test
    void everyDirectReadComesAfterAuthorizationAndTheResponseCache() {
        List<Filter> filters = securityChain.getFilters();
        int authorization = indexOf(filters, AuthorizationFilter.class);
        int responseCache = indexOf(filters, ResponseCacheFilter.class);
        List<Integer> directReads = filters.stream().filter(DirectReadFilter.class::isInstance).map(filters::indexOf).toList();

        assertThat(directReads).hasSize(2).allMatch(index -> index > authorization && index > responseCache);
        assertThat(responseCache).isGreaterThan(authorization);
    }

    private static int indexOf(List<Filter> filters, Class<?> type) {
        return filters.stream().filter(type::isInstance).map(filters::indexOf).findFirst().orElseThrow();
    }

    @Test
    void theFilterAnswersThePlainRequestAndLeavesEveryOtherToSpringMvc() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ApiCaller.key(UUID.randomUUID(), ApiRole.READER, false, Set.of(site.siteId())), null, List.of()));
        try {
            assertThat(passedOn("GET", "/api/v1/sites/" + site.siteId() + "/latest", null)).isFalse();
            for (String[] request : List.of(
                    new String[] {"HEAD", "/api/v1/sites/" + site.siteId() + "/latest", null},
                    new String[] {"GET", "/api/v1/sites/" + site.siteId() + "/latest", "application/xml"},
                    new String[] {"GET", "/api/v1/sites/" + site.siteId() + "/latest", "text/html"},
                    new String[] {"GET", "/api/v1/sites/" + site.siteId() + "/latest/", null},
                    new String[] {"GET", "/api/v1/sites/" + site.siteId() + "/lates%74", null},
                    new String[] {"GET", "/api/v1/sites/%70" + site.siteId().substring(1) + "/latest", null},
                    new String[] {"GET", "/api/v1/sites/" + site.siteId() + ";v=1/latest", null},
                    new String[] {"GET", "/api/v1/sites//latest", null},
                    new String[] {"GET", "/api/v1/sites/a/b/latest", null},
                    new String[] {"GET", "/api/v1/sites/plant-elsewhere/latest", null})) { // not in the caller's scope
                assertThat(passedOn(request[0], request[1], request[2])).as(String.join(" ", List.of(request[0], request[1],
                        String.valueOf(request[2])))).isTrue();
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        // No caller (the chain's authorization would have refused it before): passed on too.
        assertThat(passedOn("GET", "/api/v1/sites/" + site.siteId() + "/latest", null)).isTrue();
    }

    @Test
    void whatTheFilterLeavesIsAnsweredAsBefore() throws Exception {
        String plain = "/api/v1/sites/" + site.siteId() + "/latest";
        SiteFixture foreign = Fixtures.boilerHouse();

        HttpResponse<String> notInScope = get("/api/v1/sites/" + foreign.siteId() + "/latest", null);
        assertThat(notInScope.statusCode()).isEqualTo(404);
        assertThat(notInScope.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/sites/" + site.siteId() + "/latest", "application/xml").statusCode()).isEqualTo(406);
        assertThat(DirectReads.get(port, null, plain, null).statusCode()).as("no key").isEqualTo(401);
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + plain))
                .header("X-API-Key", reader).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theRequestMetricNamesTheEndpointAsSpringMvcDid() throws Exception {
        long before = requests();

        assertThat(get("/api/v1/sites/" + site.siteId() + "/latest", null).statusCode()).isEqualTo(200);
        DirectReads.awaitServed(meters, "/api/v1/sites/{siteId}/latest", before);
        assertThat(requests()).isEqualTo(before + 1);
    }

    private long requests() {
        return DirectReads.served(meters, "/api/v1/sites/{siteId}/latest");
    }

    /** Whether the filter sent this request on down the chain (to Spring MVC) instead of answering it. */
    private boolean passedOn(String method, String uri, String accept) throws Exception {
        MockHttpServletResponse response = DirectReads.answered(filter, method, uri, null, accept);
        if (response != null) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("\"site_id\":\"" + site.siteId() + "\"");
        }
        return response == null;
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return DirectReads.get(port, reader, path, accept);
    }

}
