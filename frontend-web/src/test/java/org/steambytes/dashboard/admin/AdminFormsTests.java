package org.steambytes.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;

/**
 * Creating, changing and deleting each kind of thing through the admin pages, checked in the database and
 * against frontend-api itself: typed values reach it as the right JSON, its refusals come back next to the
 * field with its own words and what was typed, secrets are shown once.
 */
class AdminFormsTests extends DashboardTest {

    private Fixtures.SiteFixture site;
    private WebSession admin;

    @BeforeEach
    void adminOfAllSites() {
        site = Fixtures.boilerHouse();
        String user = DashboardUsersFixture.user("admin");
        Fixtures.execute("UPDATE users SET all_sites = true WHERE username = '" + user + "'");
        admin = browser();
        assertThat(admin.signIn(user, DashboardUsersFixture.PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void showsFrontendApisMessageNextToTheFieldWithWhatWasTyped() {
        String sensors = "/admin/sites/" + site.siteId() + "/sensors";
        admin.get(sensors + "/new");
        WebSession.Page refused = admin.postWithCsrf(sensors, List.of("sensor_id", "B1 Pressure", "name", "Drum",
                "sensor_type", "steam_pressure", "unit", "bar", "min_valid", "-1", "max_valid", "25",
                "expected_interval_s", "10"));

        assertThat(refused.status()).isEqualTo(422);
        String apiMessage = FrontendApiDirect.send("POST", "/api/v1/sites/" + site.siteId() + "/sensors",
                "{\"sensor_id\": \"B1 Pressure\", \"sensor_type\": \"steam_pressure\", \"unit\": \"bar\", \"min_valid\": -1,"
                        + " \"max_valid\": 25}").message("sensor_id");
        assertThat(apiMessage).contains("must be a slug");
        assertThat(errorOf(refused.body(), "sensor_id")).isEqualTo(apiMessage);
        assertThat(input(refused.body(), "sensor_id")).contains("value=\"B1 Pressure\"", "aria-invalid=\"true\"")
                .containsPattern("aria-describedby=\"[^\"]*f-sensor_id-error");
        assertThat(input(refused.body(), "name")).contains("value=\"Drum\"").doesNotContain("aria-invalid");
        assertThat(input(refused.body(), "max_valid")).contains("value=\"25\"");
        assertThat(refused.body()).contains("id=\"form-problems\"", "One field needs a change");
        assertThat(Fixtures.count("SELECT count(*) FROM sensors WHERE site_id = '" + site.siteId() + "'")).isEqualTo(3);

        // A rule of frontend-api's domain, not a format: the valid range's order, on max_valid.
        WebSession.Page range = admin.postWithCsrf(sensors, List.of("sensor_id", "b1-drum", "sensor_type", "steam_pressure",
                "unit", "bar", "min_valid", "30", "max_valid", "25"));
        assertThat(range.status()).isEqualTo(422);
        assertThat(errorOf(range.body(), "max_valid")).isEqualTo("must be above min_valid");

        // A decimal in a whole-number field is refused by frontend-api (numbers are taken as written).
        WebSession.Page decimal = admin.postWithCsrf(sensors, List.of("sensor_id", "b1-drum", "sensor_type", "steam_pressure",
                "unit", "bar", "min_valid", "0", "max_valid", "25", "expected_interval_s", "1.5"));
        assertThat(decimal.status()).isEqualTo(400);
        assertThat(errorOf(decimal.body(), "expected_interval_s")).isNotBlank();
        assertThat(input(decimal.body(), "expected_interval_s")).contains("value=\"1.5\"");

        // A conflict is told at the top.
        WebSession.Page duplicate = admin.postWithCsrf(sensors, List.of("sensor_id", "b1-o2", "sensor_type", "flue_gas_o2",
                "unit", "%", "min_valid", "0", "max_valid", "21"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(between(duplicate.body(), "id=\"form-problems\"", "</div>")).contains("b1-o2");
    }

    @Test
    void createsChangesAndDeletesASensor() {
        String sensors = "/admin/sites/" + site.siteId() + "/sensors";
        admin.get(sensors + "/new");
        WebSession.Page created = admin.postWithCsrf(sensors, List.of("sensor_id", "b2-steam-flow", "name", "Boiler 2 steam",
                "sensor_type", "steam_flow", "unit", "kg/h", "min_valid", "0", "max_valid", "12000.5", "expected_interval_s", "15"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.header("Location")).endsWith(sensors);
        assertThat(Fixtures.countText("SELECT concat_ws('|', sensor_type, unit, min_valid, max_valid, expected_interval_s, name) "
                + "FROM sensors WHERE site_id = '" + site.siteId() + "' AND sensor_id = 'b2-steam-flow'"))
                .isEqualTo("steam_flow|kg/h|0|12000.5|15|Boiler 2 steam");
        WebSession.Page list = admin.get(sensors);
        assertThat(list.body()).contains("Sensor b2-steam-flow created.", "data-id=\"b2-steam-flow\"", "12000.5");

        WebSession.Page edit = admin.get(sensors + "/b2-steam-flow/edit");
        assertThat(input(edit.body(), "sensor_id")).contains("value=\"b2-steam-flow\"", "readonly");
        assertThat(input(edit.body(), "max_valid")).contains("value=\"12000.5\"");
        follow(admin.postWithCsrf(sensors + "/b2-steam-flow", List.of("sensor_id", "b2-steam-flow", "name", "",
                "sensor_type", "steam_flow", "unit", "t/h", "min_valid", "0", "max_valid", "12", "expected_interval_s", "15")));
        assertThat(Fixtures.countText("SELECT concat_ws('|', unit, max_valid, coalesce(name, '-')) FROM sensors WHERE site_id = '"
                + site.siteId() + "' AND sensor_id = 'b2-steam-flow'")).isEqualTo("t/h|12|");

        assertThat(admin.get(sensors + "/b2-steam-flow/delete").body()).contains("Delete sensor b2-steam-flow?");
        WebSession.Page deleted = follow(admin.postWithCsrf(sensors + "/b2-steam-flow/delete", List.of()));
        assertThat(Fixtures.count("SELECT count(*) FROM sensors WHERE site_id = '" + site.siteId()
                + "' AND sensor_id = 'b2-steam-flow'")).isZero();
        assertThat(deleted.body()).contains("Sensor b2-steam-flow deleted.").doesNotContain("data-id=\"b2-steam-flow\"");
    }

    @Test
    void createsChangesAndDeletesASiteWithItsAlertEmails() {
        String siteId = "plant-" + UUID.randomUUID().toString().substring(0, 8);
        admin.get("/admin/sites/new");
        WebSession.Page badEmail = admin.postWithCsrf("/admin/sites", List.of("site_id", siteId, "name", "Plant Z",
                "timezone", "Europe/Berlin", "fuel_type", "biomass", "notification_emails", "oncall@example.com\nnot-an-address"));
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(errorOf(badEmail.body(), "notification_emails")).contains("email address");
        assertThat(badEmail.body()).contains("oncall@example.com\nnot-an-address</textarea>");

        WebSession.Page created = admin.postWithCsrf("/admin/sites", List.of("site_id", siteId, "name", "Plant Z",
                "timezone", "Europe/Berlin", "fuel_type", "biomass", "notification_emails", "oncall@example.com\nboss@example.com"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(Fixtures.countText("SELECT concat_ws('|', name, timezone, fuel_type, array_to_string(notification_emails, ',')) "
                + "FROM sites WHERE site_id = '" + siteId + "'")).isEqualTo("Plant Z|Europe/Berlin|biomass|oncall@example.com,boss@example.com");
        assertThat(admin.get("/admin/sites").body()).contains("Site Plant Z created.", "href=\"/admin/sites/" + siteId + "/sensors\"");

        assertThat(admin.get("/admin/sites/" + siteId + "/edit").body()).contains("oncall@example.com\nboss@example.com</textarea>");
        follow(admin.postWithCsrf("/admin/sites/" + siteId, List.of("site_id", siteId, "name", "Plant Zeta", "timezone", "UTC",
                "fuel_type", "biomass", "notification_emails", "")));
        assertThat(Fixtures.countText("SELECT concat_ws('|', name, timezone, cardinality(notification_emails)) FROM sites WHERE site_id = '"
                + siteId + "'")).isEqualTo("Plant Zeta|UTC|0");

        // A site with a sensor is deleted only when the admin says so.
        Fixtures.addSensor(siteId, Fixtures.FLUE_GAS_O2);
        admin.get("/admin/sites/" + siteId + "/delete");
        WebSession.Page kept = admin.postWithCsrf("/admin/sites/" + siteId + "/delete", List.of());
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.body()).contains("id=\"form-problems\"", "name=\"force\"");
        assertThat(Fixtures.count("SELECT count(*) FROM sites WHERE site_id = '" + siteId + "'")).isEqualTo(1);
        follow(admin.postWithCsrf("/admin/sites/" + siteId + "/delete", List.of("force", "true")));
        assertThat(Fixtures.count("SELECT count(*) FROM sites WHERE site_id = '" + siteId + "'")).isZero();
    }

    @Test
    void registersAGatewayShowingItsTokenOnceAndRevokesIt() {
        String gateways = "/admin/sites/" + site.siteId() + "/gateways";
        Matcher onceField = Pattern.compile("name=\"once\" value=\"([^\"]+)\"").matcher(admin.get(gateways + "/new").body());
        assertThat(onceField.find()).isTrue();
        String once = onceField.group(1);
        WebSession.Page registered = admin.postWithCsrf(gateways, List.of("name", "gw-boiler-house-2", "once", once));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.header("Cache-Control")).contains("no-store");
        assertThat(registered.body()).contains("it is not shown again");
        String token = value(registered.body(), "secret");
        assertThat(token).startsWith("gw_");
        assertThat(Fixtures.countText("SELECT name FROM gateways WHERE token_hash = '" + Fixtures.sha256Hex(token) + "'"))
                .isEqualTo("gw-boiler-house-2");

        // Reloading the answer sends the same form again: nothing new, no token.
        WebSession.Page reloaded = admin.postWithCsrf(gateways, List.of("name", "gw-boiler-house-2", "once", once));
        assertThat(reloaded.status()).isEqualTo(302);
        assertThat(reloaded.body()).doesNotContain(token);
        assertThat(Fixtures.count("SELECT count(*) FROM gateways WHERE site_id = '" + site.siteId() + "'")).isEqualTo(2);
        WebSession.Page list = admin.get(gateways);
        assertThat(list.body()).contains("gw-boiler-house-2", token.substring(0, 8), "That form was sent already")
                .doesNotContain(token);
        assertThat(admin.get(gateways + "/new").body()).doesNotContain(token);

        String gatewayId = Fixtures.countText("SELECT gateway_id FROM gateways WHERE token_hash = '" + Fixtures.sha256Hex(token) + "'");
        assertThat(admin.get(gateways + "/" + gatewayId + "/delete").body()).contains("Revoke gateway gw-boiler-house-2?");
        WebSession.Page revoked = follow(admin.postWithCsrf(gateways + "/" + gatewayId + "/delete", List.of()));
        assertThat(Fixtures.count("SELECT count(*) FROM gateways WHERE gateway_id = '" + gatewayId + "' AND revoked_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(revoked.body()).contains("Gateway gw-boiler-house-2 revoked.")
                .doesNotContain(gatewayId + "/delete");
        assertThat(admin.get(gateways + "/" + gatewayId + "/edit").status()).isEqualTo(404);
    }

    @Test
    void keepsThresholdAndEfficiencyDropRulesWithTheFieldsOfTheirKind() {
        String rules = "/admin/sites/" + site.siteId() + "/alert-rules";
        WebSession.Page threshold = admin.get(rules + "/new?kind=threshold");
        assertThat(threshold.body()).contains("name=\"sensor_id\"", "name=\"operator\"", "name=\"limit\"", "name=\"deadband\"",
                        "value=\"b1-steam-pressure\"", "name=\"kind\" value=\"threshold\"")
                .doesNotContain("name=\"floor_pct\"", "name=\"samples\"", "name=\"window_s\"", "name=\"detector\"");
        WebSession.Page created = admin.postWithCsrf(rules, List.of("kind", "threshold", "name", "Steam pressure high",
                "sensor_id", "b1-steam-pressure", "operator", "above", "limit", "12.5", "severity", "high", "enabled", "true"));
        assertThat(created.status()).isEqualTo(302);
        String ruleId = Fixtures.countText("SELECT rule_id FROM alert_rules WHERE site_id = '" + site.siteId()
                + "' AND name = 'Steam pressure high'");
        // No deadband or delay given: frontend-api's defaults for a pressure (2 % of the limit, 15 s).
        assertThat(Fixtures.countText("SELECT concat_ws('|', kind, sensor_id, operator, limit_value, deadband, delay_s, severity, enabled) "
                + "FROM alert_rules WHERE rule_id = '" + ruleId + "'"))
                .isEqualTo("threshold|b1-steam-pressure|above|12.5|0.25|15|high|t");

        WebSession.Page edit = admin.get(rules + "/" + ruleId + "/edit");
        assertThat(input(edit.body(), "limit")).contains("value=\"12.5\"");
        assertThat(input(edit.body(), "enabled")).contains("checked");
        follow(admin.postWithCsrf(rules + "/" + ruleId, List.of("kind", "threshold", "name", "Steam pressure high",
                "sensor_id", "b1-steam-pressure", "operator", "above", "limit", "13", "deadband", "0.5", "delay_s", "30",
                "severity", "critical")));
        assertThat(Fixtures.countText("SELECT concat_ws('|', limit_value, deadband, delay_s, severity, enabled) FROM alert_rules "
                + "WHERE rule_id = '" + ruleId + "'")).isEqualTo("13|0.5|30|critical|f");

        WebSession.Page efficiency = admin.get(rules + "/new?kind=efficiency_drop");
        assertThat(efficiency.body()).contains("name=\"floor_pct\"", "name=\"method\"", "name=\"limit\"")
                .doesNotContain("name=\"sensor_id\"", "name=\"operator\"", "name=\"samples\"");
        WebSession.Page neither = admin.postWithCsrf(rules, List.of("kind", "efficiency_drop", "method", "either", "severity", "high",
                "enabled", "true"));
        assertThat(neither.status()).isEqualTo(422);
        String apiMessage = FrontendApiDirect.send("POST", "/api/v1/sites/" + site.siteId() + "/alert-rules",
                "{\"kind\": \"efficiency_drop\", \"severity\": \"high\"}").message("limit");
        assertThat(errorOf(neither.body(), "limit")).isEqualTo(apiMessage);
        assertThat(neither.body()).contains("name=\"kind\" value=\"efficiency_drop\"", "name=\"floor_pct\"");

        follow(admin.postWithCsrf(rules, List.of("kind", "efficiency_drop", "name", "Efficiency floor", "method", "direct",
                "floor_pct", "80", "severity", "medium", "enabled", "true")));
        assertThat(Fixtures.countText("SELECT concat_ws('|', kind, coalesce(sensor_id, '-'), floor_pct, method, severity) "
                + "FROM alert_rules WHERE site_id = '" + site.siteId() + "' AND name = 'Efficiency floor'"))
                .isEqualTo("efficiency_drop|-|80|direct|medium");
        assertThat(admin.get(rules).body()).contains("Steam pressure high", "Efficiency floor", "efficiency_drop");

        follow(admin.postWithCsrf(rules + "/" + ruleId + "/delete", List.of()));
        assertThat(Fixtures.count("SELECT count(*) FROM alert_rules WHERE rule_id = '" + ruleId + "'")).isZero();
    }

    @Test
    void plansAMaintenanceWindowInTheSitesTimeZone() {
        String windows = "/admin/sites/" + site.siteId() + "/maintenance-windows";
        WebSession.Page form = admin.get(windows + "/new");
        assertThat(form.body()).contains("Europe/Berlin", "type=\"datetime-local\"");
        WebSession.Page backwards = admin.postWithCsrf(windows, List.of("starts_at", "2030-01-15T14:00", "ends_at", "2030-01-15T06:00",
                "reason", "burner service"));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(errorOf(backwards.body(), "ends_at")).isEqualTo("must be after starts_at");
        assertThat(input(backwards.body(), "starts_at")).contains("value=\"2030-01-15T14:00\"");

        follow(admin.postWithCsrf(windows, List.of("starts_at", "2030-01-15T06:00", "ends_at", "2030-01-15T14:00",
                "reason", "burner service")));
        String windowId = Fixtures.countText("SELECT id FROM maintenance_windows WHERE site_id = '" + site.siteId() + "'");
        // 06:00 in Berlin in January is 05:00 UTC.
        assertThat(Fixtures.countText("SELECT to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || '|' || "
                + "to_char(ends_at AT TIME ZONE 'UTC', 'HH24:MI') || '|' || reason || '|' || created_by FROM maintenance_windows "
                + "WHERE id = " + windowId)).startsWith("2030-01-15 05:00|13:00|burner service|user:admin-");
        assertThat(admin.get(windows).body()).contains("2030-01-15 06:00:00 CET", "burner service");

        assertThat(input(admin.get(windows + "/" + windowId + "/edit").body(), "starts_at")).contains("value=\"2030-01-15T06:00\"");
        follow(admin.postWithCsrf(windows + "/" + windowId, List.of("starts_at", "2030-07-15T06:00", "ends_at", "2030-07-15T08:00",
                "reason", "safety valve test")));
        assertThat(Fixtures.countText("SELECT to_char(starts_at AT TIME ZONE 'UTC', 'MM-DD HH24:MI') || '|' || reason "
                + "FROM maintenance_windows WHERE id = " + windowId)).isEqualTo("07-15 04:00|safety valve test");
        follow(admin.postWithCsrf(windows + "/" + windowId + "/delete", List.of()));
        assertThat(Fixtures.count("SELECT count(*) FROM maintenance_windows WHERE id = " + windowId)).isZero();
    }

    @Test
    void createsAUserWhoCanSignInThenChangesAndDeletesIt() {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession.Page form = admin.get("/admin/users/new");
        assertThat(form.body()).contains("name=\"site_ids\" value=\"" + site.siteId() + "\"", "name=\"all_sites\"");
        WebSession.Page shortPassword = admin.postWithCsrf("/admin/users", List.of("username", username, "password", "short",
                "role", "operator", "site_ids", site.siteId()));
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(errorOf(shortPassword.body(), "password")).isEqualTo("must be 12 to 72 characters");
        assertThat(input(shortPassword.body(), "password")).contains("value=\"\""); // a password is never sent back
        assertThat(shortPassword.body()).containsPattern("name=\"site_ids\" value=\"" + site.siteId() + "\"\\s+checked");

        follow(admin.postWithCsrf("/admin/users", List.of("username", username, "password", "boiler room 1234",
                "role", "operator", "site_ids", site.siteId())));
        assertThat(Fixtures.countText("SELECT role || '|' || all_sites FROM users WHERE username = '" + username + "'"))
                .isEqualTo("operator|false");
        assertThat(Fixtures.countText("SELECT string_agg(site_id, ',') FROM user_site_access WHERE username = '" + username + "'"))
                .isEqualTo(site.siteId());
        WebSession newUser = browser();
        assertThat(newUser.signIn(username, "boiler room 1234").header("Location")).doesNotContain("error");
        assertThat(newUser.get("/").body()).contains("data-site-id=\"" + site.siteId() + "\"");

        // An empty password keeps it; the role and the scope change.
        WebSession.Page saved = follow(admin.postWithCsrf("/admin/users/" + username, List.of("username", username, "password", "",
                "role", "viewer", "all_sites", "true")));
        assertThat(Fixtures.countText("SELECT role || '|' || all_sites FROM users WHERE username = '" + username + "'"))
                .isEqualTo("viewer|true");
        assertThat(browser().signIn(username, "boiler room 1234").header("Location")).doesNotContain("error");
        assertThat(saved.body()).contains("User " + username + " saved.", "all sites");

        follow(admin.postWithCsrf("/admin/users/" + username + "/delete", List.of()));
        assertThat(Fixtures.count("SELECT count(*) FROM users WHERE username = '" + username + "'")).isZero();
    }

    @Test
    void issuesAnApiKeyShowingItOnceThatFrontendApiTakesAndRevokesIt() {
        admin.get("/admin/api-keys/new");
        WebSession.Page noScope = admin.postWithCsrf("/admin/api-keys", List.of("name", "ERP export", "role", "reader"));
        assertThat(noScope.status()).isEqualTo(422);
        assertThat(errorOf(noScope.body(), "site_ids")).isNotBlank();

        WebSession.Page issued = admin.postWithCsrf("/admin/api-keys", List.of("name", "ERP export", "role", "reader",
                "site_ids", site.siteId()));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String key = value(issued.body(), "secret");
        assertThat(key).startsWith("sbk_");
        assertThat(FrontendApiDirect.send("GET", "/api/v1/sites/" + site.siteId(), null, "X-API-Key", key).status()).isEqualTo(200);
        assertThat(admin.get("/admin/api-keys").body()).contains("ERP export", key.substring(0, 8)).doesNotContain(key);

        String keyId = Fixtures.countText("SELECT key_id FROM api_keys WHERE key_hash = '" + Fixtures.sha256Hex(key) + "'");
        assertThat(admin.get("/admin/api-keys/" + keyId + "/delete").body()).contains("Revoke API key ERP export?");
        follow(admin.postWithCsrf("/admin/api-keys/" + keyId + "/delete", List.of()));
        assertThat(Fixtures.count("SELECT count(*) FROM api_keys WHERE key_id = '" + keyId + "' AND revoked_at IS NOT NULL"))
                .isEqualTo(1);
        assertThat(FrontendApiDirect.send("GET", "/api/v1/sites/" + site.siteId(), null, "X-API-Key", key).status()).isEqualTo(401);
    }

    /** A browser follows the redirect after a change (and so sees the notice it left). */
    private WebSession.Page follow(WebSession.Page answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        String location = answer.header("Location");
        return admin.get(location.startsWith("http") ? java.net.URI.create(location).getRawPath() : location);
    }

    /** The text of the field's error element, as the page shows it. */
    static String errorOf(String page, String field) {
        Matcher error = Pattern.compile("<p class=\"field-error\" id=\"f-" + Pattern.quote(field) + "-error\">([^<]*)</p>").matcher(page);
        assertThat(error.find()).as("an error element for " + field).isTrue();
        return HtmlUtils.htmlUnescape(error.group(1));
    }

    /** The field's control tag (input, select or textarea). */
    static String input(String page, String field) {
        Matcher tag = Pattern.compile("<(input|select|textarea)[^>]*\\sid=\"f-" + Pattern.quote(field) + "\"[^>]*>").matcher(page);
        assertThat(tag.find()).as("a control for " + field).isTrue();
        return tag.group();
    }

    private static String value(String page, String id) {
        Matcher value = Pattern.compile("id=\"" + id + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        assertThat(value.find()).as("a value of #" + id).isTrue();
        return HtmlUtils.htmlUnescape(value.group(1));
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }
}
