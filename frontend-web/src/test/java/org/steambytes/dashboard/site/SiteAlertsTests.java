package org.steambytes.dashboard.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.steambytes.dashboard.AlertsFixture;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;

/**
 * The site page's status badge and {@code /sites/{site_id}/alerts}, the active-alerts section alone
 * that the page fetches on every live alert change, through the real frontend-api: the site's active
 * alerts only, the forms for operators only (with their CSRF token), 404 outside the user's sites.
 */
class SiteAlertsTests extends DashboardTest {

    @Test
    void theAlertsSectionAloneListsTheSitesActiveAlertsWithFormsForOperatorsOnly() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        Fixtures.SiteFixture foreign = Fixtures.boilerHouse();
        UUID open = AlertsFixture.alert(site.siteId(), "open", "high", "b1-steam-pressure above 12 bar");
        UUID resolved = AlertsFixture.alert(site.siteId(), "resolved", "critical", "resolved one");
        UUID elsewhere = AlertsFixture.alert(foreign.siteId(), "open", "critical", "foreign one");

        WebSession viewer = signedIn("viewer", site.siteId());
        WebSession.Page section = viewer.get("/sites/" + site.siteId() + "/alerts");
        assertThat(section.status()).isEqualTo(200);
        assertThat(section.body()).startsWith("<section").contains("id=\"alert-list\"", "data-alert-id=\"" + open + "\"",
                        "data-sensor-id=\"b1-steam-pressure\"", "data-severity=\"high\"", "data-version=\"open|")
                .doesNotContain(resolved.toString(), elsewhere.toString(), "<form", "<html");
        assertThat(viewer.get("/sites/" + foreign.siteId() + "/alerts").status()).isEqualTo(404);
        assertThat(viewer.get("/sites/Not_A_Slug/alerts").status()).isEqualTo(404);

        WebSession operator = signedIn("operator", site.siteId());
        assertThat(operator.get("/sites/" + site.siteId() + "/alerts").body())
                .contains("action=\"/alerts/" + open + "/acknowledge\"", "name=\"_csrf\"");
    }

    @Test
    void theSitePageShowsTheSitesStatus() {
        Fixtures.SiteFixture quiet = Fixtures.boilerHouse();
        Fixtures.SiteFixture alerting = Fixtures.boilerHouse();
        AlertsFixture.alert(alerting.siteId(), "open", "medium", "b1-steam-pressure rising");
        AlertsFixture.alert(alerting.siteId(), "acknowledged", "critical", "b1-steam-pressure above 14 bar");
        WebSession browser = signedIn("viewer", quiet.siteId(), alerting.siteId());

        assertThat(browser.get("/sites/" + alerting.siteId()).body())
                .containsPattern("id=\"site-status\" class=\"badge sev-critical\"[^>]*>alerting · critical<");
        WebSession.Page none = browser.get("/sites/" + quiet.siteId());
        assertThat(none.body()).containsPattern("id=\"site-status\" class=\"badge st-stale\"[^>]*>stale<")
                .containsPattern("id=\"no-alerts\" class=\"muted\"\\s*>No active alerts.");
    }

    @Test
    void thePagesScriptsGetTheSectionsAndSignedOut401NotASignInThatReturnsToThem() {
        Fixtures.SiteFixture site = Fixtures.boilerHouse();
        Fixtures.SiteFixture foreign = Fixtures.boilerHouse();
        UUID open = AlertsFixture.alert(site.siteId(), "open", "critical", "b1-steam-pressure above 14 bar");
        String user = DashboardUsersFixture.user("viewer", site.siteId());
        WebSession browser = browser();

        assertThat(browser.get("/overview/sites", "Accept", "*/*").status()).isEqualTo(401);
        assertThat(browser.get("/sites/" + site.siteId() + "/alerts", "Accept", "*/*").status()).isEqualTo(401);
        WebSession.Page signedIn = browser.signIn(user, DashboardUsersFixture.PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain("/overview/sites", "/alerts");

        WebSession.Page sites = browser.get("/overview/sites?sort=status", "Accept", "*/*");
        assertThat(sites.status()).isEqualTo(200);
        assertThat(sites.header("Content-Type")).startsWith("text/html");
        assertThat(sites.body()).startsWith("<div id=\"site-list\">").contains("data-site-id=\"" + site.siteId() + "\"",
                "alerting · critical").doesNotContain(foreign.siteId(), "<html", "<script");
        WebSession.Page alerts = browser.get("/sites/" + site.siteId() + "/alerts", "Accept", "*/*");
        assertThat(alerts.status()).isEqualTo(200);
        assertThat(alerts.body()).contains("data-alert-id=\"" + open + "\"");
    }

    private WebSession signedIn(String role, String... siteIds) {
        WebSession browser = browser();
        assertThat(browser.signIn(DashboardUsersFixture.user(role, siteIds), DashboardUsersFixture.PASSWORD).status())
                .isEqualTo(302);
        return browser;
    }
}
