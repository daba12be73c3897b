package org.steambytes.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.api.alert.web.SiteAlertsFilter;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.common.alert.OpenAlertsDocument;
import org.steambytes.common.alert.OpenAlertsDocument.OpenAlert;
import org.steambytes.api.web.DirectReads;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's open or acknowledged alerts answered in the security chain ({@link SiteAlertsFilter}) are Spring MVC's
 * answer byte for byte, headers included — from alert-service's document and from PostgreSQL —; every request it
 * does not take still reaches the controller and is answered as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteAlertsFilterTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JsonMapper json;
    @Autowired
    SiteAlertsFilter filter;
    @Autowired
    MeterRegistry meters;

    private SiteFixture site;
    private String reader;
    private UUID openInPostgres;

    @BeforeEach
    void siteWithAlerts() {
        site = Fixtures.boilerHouse();
        reader = Fixtures.apiKey("reader", false, site.siteId());
        openInPostgres = AlertsApiTests.alert(site.siteId(), "open", 5);
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, sensor_id, kind, state, severity, value, limit_value, message,"
                + " opened_at, acknowledged_at, acknowledged_by) VALUES (gen_random_uuid(), '" + site.siteId() + "',"
                + " 'b1-steam-pressure', 'threshold', 'acknowledged', 'low', 12.5, 12, 'steam pressure above 12 bar',"
                + " now() - interval '7 minutes', now() - interval '6 minutes', 'user:op')");
        AlertsApiTests.alert(site.siteId(), "resolved", 9);
    }

    @AfterEach
    void noDocumentLeft() {
        redis.delete(RedisKeys.openAlerts(site.siteId()));
    }

    @Test
    void theFilterAndSpringMvcAnswerTheSameBytesAndHeadersFromPostgreSqlAndFromTheDocument() throws Exception {
        compareForEveryStateAndAccept("PostgreSQL", openInPostgres);

        UUID onlyInDocument = UUID.randomUUID();
        redis.opsForValue().set(RedisKeys.openAlerts(site.siteId()), new OpenAlertsDocument(1, site.siteId(),
                List.of(new OpenAlert(onlyInDocument, site.siteId(), null, null, "site_lost", "open", "high",
                        Instant.parse("2026-12-07T06:00:00Z"), null, null, "all sensors silent", null, null, null, null, null)))
                .encode(json));
        compareForEveryStateAndAccept("the document", onlyInDocument);
    }

    private void compareForEveryStateAndAccept(String source, UUID expectedOpen) throws Exception {
        for (String state : List.of("open", "acknowledged")) {
            for (String accept : new String[] {null, "application/json", "*/*", "text/html;q=0.9, */*;q=0.1"}) {
                String plain = "/api/v1/alerts?site_id=" + site.siteId() + "&state=" + state;
                HttpResponse<String> byFilter = get(plain, accept);
                // The same list, asked so the filter leaves it to Spring MVC (its default page named).
                HttpResponse<String> byMvc = get(plain + "&page=0", accept);

                String as = source + ", " + state + ", Accept: " + accept;
                assertThat(byFilter.statusCode()).as(as + " " + byFilter.body()).isEqualTo(200);
                assertThat(byFilter.body()).as(as).isEqualTo(byMvc.body());
                assertThat(DirectReads.headersButDate(byFilter)).as(as).isEqualTo(DirectReads.headersButDate(byMvc));
                if (state.equals("open")) {
                    assertThat(byFilter.body()).as(as).contains(expectedOpen.toString());
                }
            }
        }
        assertThat(get("/api/v1/alerts?state=open&site_id=" + site.siteId(), null).body()).as("either order")
                .isEqualTo(get("/api/v1/alerts?site_id=" + site.siteId() + "&state=open&page=0", null).body());
    }

    @Test
    void theFilterAnswersThePlainRequestAndLeavesEveryOtherToSpringMvc() throws Exception {
        String site = this.site.siteId();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ApiCaller.key(UUID.randomUUID(), ApiRole.READER, false, Set.of(site)), null, List.of()));
        try {
            assertThat(passedOn("GET", "site_id=" + site + "&state=open", null)).isFalse();
            assertThat(passedOn("GET", "state=acknowledged&site_id=" + site, "application/json")).isFalse();
            for (String query : List.of("site_id=" + site, "state=open", "site_id=" + site + "&state=resolved",
                    "site_id=" + site + "&state=open&page=0", "site_id=" + site + "&state=open&size=10",
                    "site_id=" + site + "&state=open&severity=high", "site_id=" + site + "&state=open&state=open",
                    "site_id=" + site + "&site_id=" + site, "site_id=%70" + site.substring(1) + "&state=open",
                    "site_id=" + site + "&state=op%65n", "site_id=&state=open", "site_id=" + site + "&state=open&",
                    "site_id=plant-elsewhere&state=open")) {
                assertThat(passedOn("GET", query, null)).as(query).isTrue();
            }
            assertThat(passedOn("HEAD", "site_id=" + site + "&state=open", null)).isTrue();
            assertThat(passedOn("GET", "site_id=" + site + "&state=open", "text/csv")).isTrue();
            assertThat(passedOn("GET", "site_id=" + site + "&state=open", "application/*+json")).isTrue();
            assertThat(passedOn("GET", "site_id=" + site + "&state=open", "application/json;charset=utf-8")).isTrue();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(passedOn("GET", "site_id=" + site + "&state=open", null)).as("no caller").isTrue();
    }

    @Test
    void whatTheFilterLeavesIsAnsweredAsBefore() throws Exception {
        HttpResponse<String> foreign = get("/api/v1/alerts?site_id=" + Fixtures.boilerHouse().siteId() + "&state=open", null);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/alerts?site_id=" + site.siteId() + "&state=open", "text/csv").statusCode()).isEqualTo(406);
        HttpResponse<String> resolved = get("/api/v1/alerts?site_id=" + site.siteId() + "&state=resolved", null);
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body()).doesNotContain(openInPostgres.toString()).contains("\"resolved\"");
        assertThat(DirectReads.get(port, null, "/api/v1/alerts?site_id=" + site.siteId() + "&state=open", null).statusCode())
                .as("no key").isEqualTo(401);
    }

    @Test
    void theRequestMetricNamesTheEndpointAsSpringMvcDid() throws Exception {
        long before = requests();

        assertThat(get("/api/v1/alerts?site_id=" + site.siteId() + "&state=open", null).statusCode()).isEqualTo(200);
        DirectReads.awaitServed(meters, "/api/v1/alerts", before);
        assertThat(requests()).isEqualTo(before + 1);
    }

    private long requests() {
        return DirectReads.served(meters, "/api/v1/alerts");
    }

    /** Whether the filter sent this request on down the chain (to Spring MVC) instead of answering it. */
    private boolean passedOn(String method, String query, String accept) throws Exception {
        MockHttpServletResponse response = DirectReads.answered(filter, method, "/api/v1/alerts", query, accept);
        if (response != null) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsString()).contains("\"content\"");
        }
        return response == null;
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return DirectReads.get(port, reader, path, accept);
    }

}
