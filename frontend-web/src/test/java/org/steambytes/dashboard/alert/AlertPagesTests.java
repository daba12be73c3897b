package org.steambytes.dashboard.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.steambytes.dashboard.AlertsFixture;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;

/**
 * {@code /alerts} and {@code /alerts/{alert_id}} per role × own/foreign site through the real
 * frontend-api (and alert-service behind it for acknowledging), with the filters of the list.
 */
class AlertPagesTests extends DashboardTest {

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "operator", "admin"})
    void listsTheOwnSitesActiveAlertsAndShowsOneButAForeignAlertIs404(String role) {
        Fixtures.SiteFixture own = Fixtures.boilerHouse();
        Fixtures.SiteFixture foreign = Fixtures.boilerHouse();
        UUID open = AlertsFixture.alert(own.siteId(), "open", "high", "b1-steam-pressure above 12 bar");
        UUID acknowledged = AlertsFixture.alert(own.siteId(), "acknowledged", "medium", "acknowledged one");
        UUID resolved = AlertsFixture.alert(own.siteId(), "resolved", "low", "resolved one");
        UUID elsewhere = AlertsFixture.alert(foreign.siteId(), "open", "critical", "foreign one");
        WebSession browser = signedIn(role, own.siteId());

        WebSession.Page list = browser.get("/alerts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("data-alert-id=\"" + open + "\"", "data-alert-id=\"" + acknowledged + "\"",
                        "href=\"/alerts/" + open + "\"", "href=\"/alerts\">Alerts</a>")
                .doesNotContain(resolved.toString(), elsewhere.toString(), foreign.siteId());
        assertThat(list.body().indexOf(acknowledged.toString())).isLessThan(list.body().indexOf(open.toString())); // newest first

        WebSession.Page detail = browser.get("/alerts/" + open);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("b1-steam-pressure above 12 bar", "data-type=\"opened\"", own.siteId());
        if (role.equals("viewer")) {
            assertThat(detail.body()).doesNotContain(">Acknowledge</button>", ">Shelve</button>");
        } else {
            assertThat(detail.body()).contains(">Acknowledge</button>", ">Shelve</button>", "name=\"_csrf\"",
                    "name=\"return_to\" value=\"alert\"");
        }

        WebSession.Page foreignDetail = browser.get("/alerts/" + elsewhere);
        assertThat(foreignDetail.status()).isEqualTo(404);
        assertThat(foreignDetail.body()).contains("Not found").doesNotContain("foreign one");
        assertThat(browser.get("/alerts/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(browser.get("/alerts/not-an-id").status()).isEqualTo(404);
        assertThat(browser.get("/alerts?site_id=" + foreign.siteId()).body()).doesNotContain("foreign one");
    }

    @Test
    void filtersByStateSiteAndSeverityAndPages() {
        Fixtures.SiteFixture a = Fixtures.boilerHouse();
        Fixtures.SiteFixture b = Fixtures.boilerHouse();
        UUID critical = AlertsFixture.alert(a.siteId(), "open", "critical", "critical at a");
        UUID low = AlertsFixture.alert(a.siteId(), "acknowledged", "low", "low at a");
        UUID resolved = AlertsFixture.alert(a.siteId(), "resolved", "high", "resolved at a");
        UUID atB = AlertsFixture.alert(b.siteId(), "open", "high", "high at b");
        WebSession browser = signedIn("viewer", a.siteId(), b.siteId());

        assertThat(browser.get("/alerts").body()).contains(critical.toString(), low.toString(), atB.toString())
                .doesNotContain(resolved.toString());
        assertThat(browser.get("/alerts?state=resolved").body()).contains(resolved.toString())
                .doesNotContain(critical.toString(), low.toString(), atB.toString());
        assertThat(browser.get("/alerts?state=open&state=resolved").body())
                .contains(critical.toString(), resolved.toString(), atB.toString()).doesNotContain(low.toString());
        assertThat(browser.get("/alerts?state=open&state=acknowledged&state=resolved").body())
                .contains(critical.toString(), low.toString(), resolved.toString(), atB.toString());
        assertThat(browser.get("/alerts?site_id=" + b.siteId()).body()).contains(atB.toString())
                .doesNotContain(critical.toString(), low.toString());
        WebSession.Page severe = browser.get("/alerts?severity=critical&severity=high&site_id=" + a.siteId());
        assertThat(severe.body()).contains(critical.toString()).doesNotContain(low.toString(), atB.toString());
        assertThat(severe.body()).containsPattern("value=\"critical\"\\s+checked").containsPattern("value=\"open\"\\s+checked");

        for (int i = 0; i < 55; i++) {
            AlertsFixture.alert(b.siteId(), i % 2 == 0 ? "open" : "acknowledged", "medium", "bulk " + i,
                    Instant.now().minusSeconds(3600 + i));
        }
        WebSession.Page first = browser.get("/alerts?site_id=" + b.siteId());
        assertThat(first.body()).contains("rel=\"next\"", "bulk 0").doesNotContain("rel=\"prev\"", "bulk 54<");
        WebSession.Page second = browser.get("/alerts?site_id=" + b.siteId() + "&page=1");
        assertThat(second.body()).contains("rel=\"prev\"", "bulk 54<").doesNotContain("rel=\"next\"", ">bulk 0<");
    }

    @Test
    void anOperatorAcknowledgesFromTheDetailPageAndComesBackToIt() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsFixture.alert(site.siteId(), "open", "high", "b1-steam-pressure above 12 bar");
        String user = DashboardUsersFixture.user("operator", site.siteId());
        WebSession browser = browser();
        browser.signIn(user, DashboardUsersFixture.PASSWORD);
        browser.get("/alerts/" + alert);

        WebSession.Page acknowledged = browser.postWithCsrf("/alerts/" + alert + "/acknowledge",
                List.of("site_id", site.siteId(), "return_to", "alert", "note", "on it"));
        assertThat(acknowledged.status()).isEqualTo(302);
        assertThat(acknowledged.header("Location")).endsWith("/alerts/" + alert);

        WebSession.Page detail = browser.get("/alerts/" + alert);
        assertThat(detail.body()).contains("Alert acknowledged.", "data-type=\"acknowledged\"", " by user:" + user,
                ": on it").doesNotContain(">Acknowledge</button>");

        WebSession.Page shelved = browser.postWithCsrf("/alerts/" + alert + "/shelve",
                List.of("site_id", site.siteId(), "return_to", "alert", "hours", "8", "reason", "burner service"));
        assertThat(shelved.status()).isEqualTo(302);
        assertThat(shelved.header("Location")).endsWith("/alerts/" + alert);
        assertThat(browser.get("/alerts/" + alert).body()).contains("Alert shelved for 8 h.", "data-type=\"shelved\"",
                ": burner service", "shelved until ");
        assertThat(browser.get("/alerts").body()).contains("shelved until ");
    }

    @Test
    void theEmailsLinkLeadsToTheAlertsPageAfterSigningIn() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsFixture.alert(site.siteId(), "open", "critical", "b1-steam-pressure above 14 bar");
        String user = DashboardUsersFixture.user("operator", site.siteId());
        WebSession browser = browser();

        WebSession.Page link = browser.get("/alerts/" + alert);
        assertThat(link.status()).isEqualTo(302);
        assertThat(link.header("Location")).endsWith("/login");
        WebSession.Page signedIn = browser.signIn(user, DashboardUsersFixture.PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).contains("/alerts/" + alert);
        assertThat(browser.get("/alerts/" + alert).body()).contains("b1-steam-pressure above 14 bar");
    }

    @Test
    void aViewerCannotAcknowledge() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsFixture.alert(site.siteId(), "open", "high", "b1-steam-pressure above 12 bar");
        WebSession browser = signedIn("viewer", site.siteId());
        browser.get("/alerts/" + alert);
        assertThat(browser.postWithCsrf("/alerts/" + alert + "/acknowledge",
                List.of("site_id", site.siteId(), "return_to", "alert")).status()).isEqualTo(403);
        assertThat(Fixtures.countText("SELECT state FROM alerts WHERE alert_id = '" + alert + "'")).isEqualTo("open");
    }

    @Test
    void unknownFilterValuesAreIgnoredRatherThanRefused() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        UUID open = AlertsFixture.alert(site.siteId(), "open", "high", "open one");
        UUID resolved = AlertsFixture.alert(site.siteId(), "resolved", "low", "resolved one");
        WebSession browser = signedIn("viewer", site.siteId());

        WebSession.Page unknown = browser.get("/alerts?state=bogus&severity=catastrophic&site_id=no-such-site&page=first");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains(open.toString()).doesNotContain(resolved.toString(), "catastrophic", "bogus")
                .containsPattern("value=\"open\"\\s+checked");
        WebSession.Page mixed = browser.get("/alerts?state=resolved,bogus&severity=low&severity=%3Cscript%3E&page=-3");
        assertThat(mixed.status()).isEqualTo(200);
        assertThat(mixed.body()).contains(resolved.toString()).doesNotContain(open.toString(), "<script>");
    }

    @Test
    void anOperatorUnshelvesFromTheDetailPageAndTheSitePageOffersItForShelvedAlertsOnly() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsFixture.alert(site.siteId(), "open", "high", "b1-steam-pressure above 12 bar");
        UUID other = AlertsFixture.alert(site.siteId(), "open", "medium", "b1-steam-pressure rising fast");
        String user = DashboardUsersFixture.user("operator", site.siteId());
        WebSession browser = browser();
        browser.signIn(user, DashboardUsersFixture.PASSWORD);
        assertThat(browser.get("/alerts/" + alert).body()).doesNotContain(">Unshelve</button>");
        browser.postWithCsrf("/alerts/" + alert + "/shelve",
                List.of("site_id", site.siteId(), "return_to", "alert", "hours", "1", "reason", "burner service"));

        WebSession.Page shelved = browser.get("/alerts/" + alert);
        assertThat(shelved.body()).contains(">Unshelve</button>", "action=\"/alerts/" + alert + "/unshelve\"", "shelved until ");
        WebSession.Page sitePage = browser.get("/sites/" + site.siteId());
        assertThat(sitePage.body()).contains("action=\"/alerts/" + alert + "/unshelve\"")
                .doesNotContain("action=\"/alerts/" + other + "/unshelve\"");

        WebSession.Page unshelved = browser.postWithCsrf("/alerts/" + alert + "/unshelve",
                List.of("site_id", site.siteId(), "return_to", "alert"));
        assertThat(unshelved.status()).isEqualTo(302);
        assertThat(unshelved.header("Location")).endsWith("/alerts/" + alert);
        WebSession.Page detail = browser.get("/alerts/" + alert);
        assertThat(detail.body()).contains("Alert unshelved", "data-type=\"unshelved\"", " by user:" + user)
                .doesNotContain(">Unshelve</button>", "shelved until ");
        assertThat(Fixtures.countText("SELECT coalesce(shelved_until::text, '-') FROM alerts WHERE alert_id = '" + alert + "'"))
                .isEqualTo("-");

        WebSession.Page again = browser.postWithCsrf("/alerts/" + alert + "/unshelve", List.of("site_id", site.siteId()));
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.header("Location")).endsWith("/sites/" + site.siteId());
        assertThat(browser.get("/sites/" + site.siteId()).body()).as("frontend-api's 409, told on the page")
                .contains("is not shelved");
        assertThat(browser.post("/alerts/" + alert + "/unshelve", List.of("site_id", site.siteId())).status())
                .as("without the CSRF token").isEqualTo(403);
    }

    @Test
    void aViewerCannotUnshelve() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        UUID alert = AlertsFixture.alert(site.siteId(), "open", "high", "b1-steam-pressure above 12 bar");
        Fixtures.execute("UPDATE alerts SET shelved_until = now() + interval '1 hour', shelve_reason = 'test'"
                + " WHERE alert_id = '" + alert + "'");
        WebSession browser = signedIn("viewer", site.siteId());
        assertThat(browser.get("/alerts/" + alert).body()).contains("shelved until ").doesNotContain(">Unshelve</button>");
        assertThat(browser.get("/sites/" + site.siteId()).body()).doesNotContain("/unshelve");
        assertThat(browser.postWithCsrf("/alerts/" + alert + "/unshelve", List.of("site_id", site.siteId())).status())
                .isEqualTo(403);
        assertThat(Fixtures.countText("SELECT shelve_reason FROM alerts WHERE alert_id = '" + alert + "'")).isEqualTo("test");
    }

    private WebSession signedIn(String role, String... siteIds) {
        WebSession browser = browser();
        assertThat(browser.signIn(DashboardUsersFixture.user(role, siteIds), DashboardUsersFixture.PASSWORD).status())
                .isEqualTo(302);
        return browser;
    }
}
