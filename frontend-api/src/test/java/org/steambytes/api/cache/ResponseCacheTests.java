package org.steambytes.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;
import org.steambytes.testsupport.StoreProxies;

/** The 5-minute response cache in the real Redis: hits, scopes kept apart, eviction on writes, Redis down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResponseCacheTests {

    private static final StoreProxies STORES = StoreProxies.start();

    @DynamicPropertySource
    static void storesThroughProxies(DynamicPropertyRegistry registry) {
        STORES.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void servesRepeatedReadsFromRedisUntilAWriteChangesTheSite() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String path = "/api/v1/sites/" + site.siteId();

        Answer first = get(admin, path);
        Answer second = get(admin, path);
        assertThat(cacheHeader(first, second)).containsExactly("MISS", "HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.contentType()).startsWith("application/json");

        Answer renamed = new ServiceClient(port).send("PUT", path, "{\"name\": \"Renamed\"}", "X-API-Key", admin);
        assertThat(renamed.status()).isEqualTo(200);
        Answer after = get(admin, path);
        assertThat(after.header()).isEqualTo("MISS");
        assertThat(after.json().path("name").asString()).isEqualTo("Renamed");

        Answer sensorsBefore = get(admin, path + "/sensors");
        new ServiceClient(port).send("DELETE", path + "/sensors/b1-o2", null, "X-API-Key", admin);
        Answer sensorsAfter = get(admin, path + "/sensors");
        assertThat(sensorsBefore.body()).contains("b1-o2");
        assertThat(sensorsAfter.body()).doesNotContain("b1-o2");
    }

    @Test
    void neverSharesAnEntryBetweenScopes() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        String all = Fixtures.apiKey("admin", true);
        String readerOfA = Fixtures.apiKey("reader", false, a.siteId());
        // The fixtures wrote the sites straight into PostgreSQL; a change through the API evicts as in production.
        new ServiceClient(port).send("PUT", "/api/v1/sites/" + a.siteId(), "{\"name\": \"A\"}", "X-API-Key", all);

        Answer allSites = get(all, "/api/v1/sites?size=500");
        Answer readersList = get(readerOfA, "/api/v1/sites?size=500");
        assertThat(allSites.body()).contains(a.siteId()).contains(b.siteId());
        assertThat(readersList.header()).isEqualTo("MISS");
        assertThat(readersList.body()).contains(a.siteId()).doesNotContain(b.siteId());
        assertThat(get(all, "/api/v1/sites/" + b.siteId()).status()).isEqualTo(200);
        assertThat(get(readerOfA, "/api/v1/sites/" + b.siteId()).status()).isEqualTo(404);
    }

    @Test
    void answersUncachedWhileRedisIsDown() {
        SiteFixture site = Fixtures.boilerHouse();
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        STORES.redis.stop();
        try {
            Answer answer = get(reader, "/api/v1/sites/" + site.siteId() + "/sensors");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("b1-steam-pressure");
            assertThat(answer.header()).isEqualTo("BYPASS");
        } finally {
            STORES.redis.start();
        }
    }

    @Test
    void anEncodedPathIsTheSameSiteAndTheSameEntry() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String path = "/api/v1/sites/" + site.siteId();
        String encoded = "/api/v1/sites/" + site.siteId().replaceFirst("-", "%2D");

        assertThat(cacheHeader(get(admin, path), get(admin, path))).containsExactly("MISS", "HIT");
        Answer renamed = new ServiceClient(port).send("PUT", encoded, "{\"name\": \"Renamed through %2D\"}", "X-API-Key", admin);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        Answer after = get(admin, path);
        assertThat(after.header()).isEqualTo("MISS");
        assertThat(after.json().path("name").asString()).isEqualTo("Renamed through %2D");

        String latest = path + "/lates%74"; // /latest: never from the cache
        assertThat(cacheHeader(get(admin, latest), get(admin, latest))).containsOnlyNulls();
    }

    @Test
    void headAndOptionsAreReadsThatNeitherEvictNorNeedAnAdmin() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String reader = Fixtures.apiKey("reader", false, site.siteId());
        String path = "/api/v1/sites/" + site.siteId() + "/sensors";

        assertThat(cacheHeader(get(admin, path), get(admin, path))).containsExactly("MISS", "HIT");
        assertThat(new ServiceClient(port).send("HEAD", path, null, "X-API-Key", admin).status()).isEqualTo(200);
        assertThat(new ServiceClient(port).send("HEAD", path, null, "X-API-Key", reader).status()).isEqualTo(200);
        assertThat(get(admin, path).header()).as("a HEAD changed nothing").isEqualTo("HIT");
    }

    @Test
    void aWriteWhileRedisIsAwayStillEvictsOnceRedisIsBack() {
        SiteFixture site = Fixtures.boilerHouse();
        String admin = Fixtures.apiKey("admin", false, site.siteId());
        String path = "/api/v1/sites/" + site.siteId();
        assertThat(cacheHeader(get(admin, path), get(admin, path))).containsExactly("MISS", "HIT");

        STORES.redis.stop();
        try {
            Answer renamed = new ServiceClient(port).send("PUT", path, "{\"name\": \"Renamed while Redis was away\"}",
                    "X-API-Key", admin);
            assertThat(renamed.status()).isEqualTo(200);
        } finally {
            STORES.redis.start();
        }

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            Answer after = get(admin, path);
            assertThat(after.header()).isNotEqualTo("BYPASS");
            assertThat(after.json().path("name").asString()).isEqualTo("Renamed while Redis was away");
        });
    }

    private Answer get(String key, String path) {
        return new ServiceClient(port).send("GET", path, null, "X-API-Key", key);
    }

    private static java.util.List<String> cacheHeader(Answer... answers) {
        return java.util.Arrays.stream(answers).map(Answer::header).toList();
    }
}
