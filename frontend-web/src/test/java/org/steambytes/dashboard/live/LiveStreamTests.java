package org.steambytes.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AlertChangeEntry;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;

/**
 * {@code /sites/{site_id}/live} over real HTTP for a signed-in user, through the real frontend-api:
 * an alert change of the user's site arrives as an {@code alerts} event, one of a foreign site never
 * does; the periodic re-check asks frontend-api ({@code GET /api/v1/sites/{site_id}}) and closes the
 * stream with {@code revoked} once the site is out of the user's scope, and the reconnect that follows
 * is refused with 404 by the same check.
 */
class LiveStreamTests extends DashboardTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    LiveHousekeeping housekeeping;

    @Autowired
    LiveHub hub;

    /** An open event stream: its lines as they arrive, and whether the server ended it. */
    record Stream(List<String> lines, CompletableFuture<Void> ended, InputStream body) {

        String text() {
            return String.join("\n", lines);
        }

        /** The browser leaves. */
        void close() throws IOException {
            body.close();
        }
    }

    @Test
    void anAlertChangeOfTheUsersSiteArrivesAsAnAlertsEventAndOneOfAForeignSiteDoesNot() throws Exception {
        Fixtures.SiteFixture own = Fixtures.boilerHouse();
        Fixtures.SiteFixture foreign = Fixtures.boilerHouse();
        WebSession browser = signedIn("viewer", own.siteId());
        Stream stream = open(browser, own.siteId());
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.watched(own.siteId()));

        UUID elsewhere = change(foreign.siteId(), "opened", "open");
        UUID opened = change(own.siteId(), "opened", "open");

        await().atMost(Duration.ofSeconds(10)).until(() -> stream.text().contains(opened.toString()));
        assertThat(stream.text()).contains("event:alerts", "\"event\":\"opened\"", "\"site_id\":\"" + own.siteId() + "\"")
                .doesNotContain(elsewhere.toString());
        assertThat(hub.watched(foreign.siteId())).isFalse();
        stream.close();
    }

    @Test
    void theRecheckAsksFrontendApiAndRevokesASiteTakenAwayAndTheReconnectIsRefused() throws Exception {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        Fixtures.SiteFixture other = Fixtures.boilerHouse();
        String user = DashboardUsersFixture.user("operator", site.siteId(), other.siteId());
        WebSession browser = browser();
        browser.signIn(user, DashboardUsersFixture.PASSWORD);
        Stream kept = open(browser, other.siteId());
        Stream taken = open(browser, site.siteId());
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.watched(site.siteId()) && hub.watched(other.siteId()));

        housekeeping.recheck();
        assertThat(taken.text()).doesNotContain("event:revoked");

        Fixtures.execute("DELETE FROM user_site_access WHERE username = '" + user + "' AND site_id = '" + site.siteId() + "'");
        DashboardUsersFixture.announceCallersChanged(); // by hand in PostgreSQL: frontend-api is told, as docs/OPERATIONS.md asks
        housekeeping.recheck();

        await().atMost(Duration.ofSeconds(10)).until(() -> taken.ended().isDone());
        assertThat(taken.text()).contains("event:revoked");
        assertThat(kept.ended()).isNotDone();
        assertThat(kept.text()).doesNotContain("event:revoked");
        assertThat(browser.get("/sites/" + site.siteId() + "/live", "Accept", "text/event-stream").status())
                .as("the browser's reconnect").isEqualTo(404);
        kept.close();
    }

    private Stream open(WebSession browser, String siteId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sites/" + siteId + "/live"))
                .header("Accept", "text/event-stream").header("Cookie", "SESSION=" + browser.cookie("SESSION")).GET().build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // closed by the test
            }
        });
        return new Stream(lines, ended, response.body());
    }

    private UUID change(String siteId, String event, String state) {
        UUID alertId = UUID.randomUUID();
        redis.opsForStream().add(StreamRecords.string(new AlertChangeEntry(siteId, alertId, event, state, "critical",
                Instant.now()).encode()).withStreamKey(RedisKeys.ALERT_CHANGES_STREAM));
        return alertId;
    }

    private WebSession signedIn(String role, String... siteIds) {
        WebSession browser = browser();
        assertThat(browser.signIn(DashboardUsersFixture.user(role, siteIds), DashboardUsersFixture.PASSWORD).status())
                .isEqualTo(302);
        return browser;
    }
}
