package org.steambytes.dashboard.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page × role × own/foreign site through the real frontend-api (in this JVM), called with the
 * user's signed token: a user sees the own site in the overview, its page, its stream and its
 * charts; a foreign site is a 404 everywhere (frontend-api's answer, passed on), exactly like a
 * missing one.
 */
class PageAccessTests extends DashboardTest {

    private static Fixtures.SiteFixture own;
    private static Fixtures.SiteFixture foreign;

    @BeforeAll
    static void sites() {
        own = Fixtures.boilerHouse();
        foreign = Fixtures.boilerHouse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "operator", "admin"})
    void showsTheOwnSiteInTheOverviewAndItsPage(String role) {
        WebSession browser = signedIn(role);

        WebSession.Page overview = browser.get("/");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("data-site-id=\"" + own.siteId() + "\"").doesNotContain(foreign.siteId());

        WebSession.Page site = browser.get("/sites/" + own.siteId());
        assertThat(site.status()).isEqualTo(200);
        for (Fixtures.SensorFixture sensor : own.sensors()) {
            assertThat(site.body()).contains("data-sensor-id=\"" + sensor.sensorId() + "\"");
        }
        assertThat(site.header("Content-Security-Policy")).contains("script-src 'self'");

        WebSession.Page chart = browser.get("/sites/" + own.siteId() + "/sensors/" + Fixtures.STEAM_PRESSURE.sensorId()
                + "/history?range=1h&tz=Europe/Berlin&interval_s=10", "Accept", "application/json");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("\"interval\":\"10s\"").contains("\"t\":[");

        WebSession.Page allCharts = browser.get("/sites/" + own.siteId() + "/history?range=24h&tz=Europe/Berlin",
                "Accept", "application/json");
        assertThat(allCharts.status()).isEqualTo(200);
        JsonNode charts = JsonMapper.builder().build().readTree(allCharts.body()).path("charts");
        assertThat(charts.size()).isEqualTo(own.sensors().size());
        for (Fixtures.SensorFixture sensor : own.sensors()) {
            assertThat(charts.path(sensor.sensorId()).path("interval").asString())
                    .as("%s in %s", sensor.sensorId(), allCharts.body()).isEqualTo("2m");
            assertThat(charts.path(sensor.sensorId()).path("t").isArray()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "operator", "admin"})
    void answersAForeignSiteWith404InPageStreamAndChart(String role) {
        WebSession browser = signedIn(role);

        WebSession.Page page = browser.get("/sites/" + foreign.siteId());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("Not found").doesNotContain(foreign.siteId() + "</h1>");

        assertThat(browser.get("/sites/" + foreign.siteId() + "/live", "Accept", "text/event-stream").status())
                .isEqualTo(404);
        assertThat(browser.get("/sites/" + foreign.siteId() + "/sensors/" + Fixtures.STEAM_PRESSURE.sensorId()
                + "/history?range=1h", "Accept", "application/json").status()).isEqualTo(404);
        assertThat(browser.get("/sites/" + foreign.siteId() + "/history?range=1h", "Accept", "application/json").status())
                .isEqualTo(404);
        assertThat(browser.get("/sites/no-such-site").status()).isEqualTo(404);
    }

    @Test
    void showsOperatorsTheAlertButtonsButNotViewers() {
        Fixtures.execute("INSERT INTO alerts (alert_id, site_id, sensor_id, kind, state, severity, opened_at, message) "
                + "VALUES (gen_random_uuid(), '" + own.siteId() + "', 'b1-steam-pressure', 'threshold', 'open', 'high', now(), "
                + "'b1-steam-pressure above 12 bar')");
        assertThat(signedIn("operator").get("/sites/" + own.siteId()).body()).contains(">Acknowledge</button>")
                .contains("name=\"_csrf\"");
        assertThat(signedIn("viewer").get("/sites/" + own.siteId()).body()).contains("above 12 bar")
                .doesNotContain(">Acknowledge</button>");
    }

    @Test
    void endsTheSessionOfAUserDisabledSinceSigningIn() {
        String user = DashboardUsersFixture.user("viewer", own.siteId());
        WebSession browser = browser();
        browser.signIn(user, DashboardUsersFixture.PASSWORD);
        assertThat(browser.get("/sites/" + own.siteId()).status()).isEqualTo(200);

        DashboardUsersFixture.disable(user);

        WebSession.Page next = browser.get("/sites/" + own.siteId());
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login?expired");
    }

    private WebSession signedIn(String role) {
        WebSession browser = browser();
        assertThat(browser.signIn(DashboardUsersFixture.user(role, own.siteId()), DashboardUsersFixture.PASSWORD).status())
                .isEqualTo(302);
        return browser;
    }
}
