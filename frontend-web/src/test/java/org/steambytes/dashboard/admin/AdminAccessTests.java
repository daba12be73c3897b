package org.steambytes.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;

/**
 * Every admin page × role × own/foreign site, through the real frontend-api: an admin of the site gets each
 * page, a viewer or operator the 403 page (frontend-web's own chain, before frontend-api is asked), a site
 * outside the admin's scope is a 404 like a missing one; a POST without the CSRF token is refused and
 * changes nothing.
 */
class AdminAccessTests extends DashboardTest {

    private static Fixtures.SiteFixture own;
    private static Fixtures.SiteFixture foreign;
    private static String ruleId;
    private static String windowId;

    @BeforeAll
    static void sites() {
        own = Fixtures.boilerHouse();
        foreign = Fixtures.boilerHouse();
        ruleId = rule(own.siteId());
        windowId = window(own.siteId());
        rule(foreign.siteId());
        window(foreign.siteId());
    }

    /** Every admin page of a site (its own pages, and its sensors', gateways', rules' and windows'). */
    private static List<String> sitePages(Fixtures.SiteFixture site, String rule, String window) {
        String base = "/admin/sites/" + site.siteId();
        return List.of(base + "/edit", base + "/delete",
                base + "/sensors", base + "/sensors/new", base + "/sensors/b1-o2/edit", base + "/sensors/b1-o2/delete",
                base + "/gateways", base + "/gateways/new", base + "/gateways/" + site.gatewayId() + "/delete",
                base + "/alert-rules", base + "/alert-rules/new", base + "/alert-rules/new?kind=efficiency_drop",
                base + "/alert-rules/" + rule + "/edit", base + "/alert-rules/" + rule + "/delete",
                base + "/maintenance-windows", base + "/maintenance-windows/new",
                base + "/maintenance-windows/" + window + "/edit", base + "/maintenance-windows/" + window + "/delete");
    }

    private static final List<String> GLOBAL_PAGES = List.of("/admin/sites", "/admin/sites/new", "/admin/users",
            "/admin/users/new", "/admin/api-keys", "/admin/api-keys/new");

    @Test
    void anAdminOfTheSiteGetsEveryPageButAForeignSiteIs404() {
        WebSession admin = signedIn("admin", own.siteId());
        for (String path : GLOBAL_PAGES) {
            WebSession.Page page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("aria-label=\"Admin\"").doesNotContain(foreign.siteId());
        }
        for (String path : sitePages(own, ruleId, windowId)) {
            WebSession.Page page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains(own.siteId());
        }
        assertThat(admin.get("/admin").header("Location")).endsWith("/admin/sites");
        assertThat(admin.get("/").body()).contains("href=\"/admin\">Admin</a>");

        String foreignRule = Fixtures.countText("SELECT rule_id FROM alert_rules WHERE site_id = '" + foreign.siteId() + "'");
        String foreignWindow = Fixtures.countText("SELECT id FROM maintenance_windows WHERE site_id = '" + foreign.siteId() + "'");
        for (String path : sitePages(foreign, foreignRule, foreignWindow)) {
            WebSession.Page page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Not found").doesNotContain("b1-o2");
        }
        // The own site's pages with an id of another site's item are 404 too.
        assertThat(admin.get("/admin/sites/" + own.siteId() + "/alert-rules/" + foreignRule + "/edit").status()).isEqualTo(404);
        assertThat(admin.get("/admin/sites/" + own.siteId() + "/gateways/" + foreign.gatewayId() + "/delete").status())
                .isEqualTo(404);
        assertThat(admin.get("/admin/sites/" + own.siteId() + "/sensors/no-such-sensor/edit").status()).isEqualTo(404);
        assertThat(admin.get("/admin/sites/no-such-site/sensors").status()).isEqualTo(404);
        assertThat(admin.get("/admin/gateways").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "operator"})
    void aViewerOrOperatorIsRefusedEveryPageAndEveryChange(String role) {
        WebSession user = signedIn(role, own.siteId());
        assertThat(user.get("/").body()).doesNotContain(">Admin</a>");
        String foreignRule = Fixtures.countText("SELECT rule_id FROM alert_rules WHERE site_id = '" + foreign.siteId() + "'");
        List<String> pages = new java.util.ArrayList<>(GLOBAL_PAGES);
        pages.add("/admin");
        pages.addAll(sitePages(own, ruleId, windowId));
        pages.addAll(sitePages(foreign, foreignRule, "1"));
        for (String path : pages) {
            WebSession.Page page = user.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("Not allowed").doesNotContain("b1-o2", "name=\"sensor_id\"");
        }
        user.get("/"); // a page with a form, for a valid CSRF token
        String sensors = "/admin/sites/" + own.siteId() + "/sensors";
        assertThat(user.postWithCsrf(sensors, List.of("sensor_id", "by-" + role, "sensor_type", "steam_pressure",
                "unit", "bar", "min_valid", "0", "max_valid", "20")).status()).isEqualTo(403);
        assertThat(user.postWithCsrf(sensors + "/b1-o2/delete", List.of()).status()).isEqualTo(403);
        assertThat(user.postWithCsrf("/admin/users", List.of("username", "made-by-" + role, "password", "long enough password",
                "role", "admin", "all_sites", "true")).status()).isEqualTo(403);
        assertThat(Fixtures.count("SELECT count(*) FROM sensors WHERE site_id = '" + own.siteId() + "'")).isEqualTo(3);
        assertThat(Fixtures.count("SELECT count(*) FROM users WHERE username = 'made-by-" + role + "'")).isZero();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        WebSession admin = signedIn("admin", own.siteId());
        String sensors = "/admin/sites/" + own.siteId() + "/sensors";
        admin.get(sensors + "/new");

        WebSession.Page create = admin.post(sensors, List.of("sensor_id", "b1-no-token", "sensor_type", "steam_pressure",
                "unit", "bar", "min_valid", "0", "max_valid", "20"));
        assertThat(create.status()).isEqualTo(403);
        WebSession.Page forged = admin.post(sensors, List.of("sensor_id", "b1-no-token", "sensor_type", "steam_pressure",
                "unit", "bar", "min_valid", "0", "max_valid", "20", "_csrf", "forged-token"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(admin.post(sensors + "/b1-o2/delete", List.of()).status()).isEqualTo(403);
        assertThat(admin.post("/admin/sites/" + own.siteId() + "/alert-rules/" + ruleId + "/delete", List.of()).status())
                .isEqualTo(403);
        assertThat(admin.post("/admin/sites/" + own.siteId() + "/gateways", List.of("name", "gw-no-token")).status())
                .isEqualTo(403);

        assertThat(Fixtures.count("SELECT count(*) FROM sensors WHERE site_id = '" + own.siteId() + "'")).isEqualTo(3);
        assertThat(Fixtures.count("SELECT count(*) FROM alert_rules WHERE rule_id = '" + ruleId + "'")).isEqualTo(1);
        assertThat(Fixtures.count("SELECT count(*) FROM gateways WHERE site_id = '" + own.siteId() + "'")).isEqualTo(1);
        // With the token the same form goes through, so the refusals above were the token's.
        admin.get(sensors + "/new");
        assertThat(admin.postWithCsrf(sensors, List.of("sensor_id", "b1-with-token", "sensor_type", "steam_pressure",
                "unit", "bar", "min_valid", "0", "max_valid", "20")).status()).isEqualTo(302);
        assertThat(Fixtures.count("SELECT count(*) FROM sensors WHERE site_id = '" + own.siteId() + "'")).isEqualTo(4);
        Fixtures.execute("DELETE FROM sensors WHERE site_id = '" + own.siteId() + "' AND sensor_id = 'b1-with-token'");
    }

    @Test
    void anAdminOfSomeSitesIsToldThatOnlyAnAdminOfAllSitesCreatesSites() {
        WebSession admin = signedIn("admin", own.siteId());
        admin.get("/admin/sites/new");
        String siteId = "plant-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession.Page refused = admin.postWithCsrf("/admin/sites", List.of("site_id", siteId, "name", "Not mine",
                "timezone", "UTC", "fuel_type", "natural_gas"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"form-problems\"", "value=\"" + siteId + "\"", "value=\"Not mine\"");
        assertThat(Fixtures.count("SELECT count(*) FROM sites WHERE site_id = '" + siteId + "'")).isZero();
        // Its lists show only what its scope reaches.
        assertThat(admin.get("/admin/sites").body()).contains(own.siteId()).doesNotContain(foreign.siteId());
    }

    /** Without MAIL_CATCHER_URL (the full mode) there is no caught-mail page, and no link to it. */
    @Test
    void withoutAMailCatcherThereIsNoMailPage() {
        WebSession admin = signedIn("admin", own.siteId());
        assertThat(admin.get("/admin/mail").status()).isEqualTo(404);
        assertThat(admin.get("/admin/sites").body()).doesNotContain("/admin/mail");
    }

    private WebSession signedIn(String role, String... siteIds) {
        WebSession browser = browser();
        assertThat(browser.signIn(DashboardUsersFixture.user(role, siteIds), DashboardUsersFixture.PASSWORD).status())
                .isEqualTo(302);
        return browser;
    }

    static String rule(String siteId) {
        String id = UUID.randomUUID().toString();
        Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, sensor_id, kind, operator, limit_value, severity, name) "
                + "VALUES ('" + id + "', '" + siteId + "', 'b1-steam-pressure', 'threshold', 'above', 12, 'high', 'pressure high')");
        return id;
    }

    static String window(String siteId) {
        return Fixtures.countText("INSERT INTO maintenance_windows (site_id, starts_at, ends_at, reason, created_by) VALUES ('"
                + siteId + "', now() + interval '1 day', now() + interval '2 days', 'burner service', 'user:test') RETURNING id");
    }
}
