package org.steambytes.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.common.stream.AlertChangeEntry;
import org.steambytes.dashboard.AlertsFixture;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.InProcessFrontendApi;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.ServiceClient;

/**
 * The site page and the overview keep up with alerts in real headless Chromium, without a reload
 * (a marker set in the page's window survives): an alert opening turns up in the site's list, the
 * status badge and its sensor's tile; an acknowledgement made by another operator through the real
 * frontend-api and alert-service (which announces it on {@code alert_service:alert-changes}) changes
 * it; its resolution clears it. The fixture's alerts are written to PostgreSQL directly, so their
 * stream entry is added here as alert-service would add it. The overview shows a new alert within its
 * 15 s refresh. Screenshots of the site page with alerts at 1280 and 390 px go to
 * target/screenshots.
 */
class LiveAlertsBrowserTests extends DashboardTest {

    private static final Duration LIVE = Duration.ofSeconds(20);

    @Autowired
    StringRedisTemplate redis;

    private Fixtures.SiteFixture site;
    private ChromeDriver chromium;

    @BeforeEach
    void siteOfItsOwn() {
        site = Fixtures.boilerHouse();
    }

    @AfterEach
    void quit() {
        if (chromium != null) {
            chromium.quit();
        }
    }

    @Test
    void theSitePagesAlertsStatusAndTileFollowAnAlertFromOpeningToResolutionWithoutAReload() throws Exception {
        String user = DashboardUsersFixture.user("operator", site.siteId());
        post(10.0);
        chromium = Chromium.start(1280, 1000);
        WebDriverWait wait = new WebDriverWait(chromium, LIVE);
        signIn(user);
        chromium.get(base() + "/sites/" + site.siteId());
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "Live."));
        wait.until(ExpectedConditions.attributeToBeNotEmpty(chromium.findElement(By.id("site")), "data-alerts-refreshed"));
        chromium.executeScript("window.notReloaded = 'yes';");
        By status = By.id("site-status");
        By tile = By.cssSelector(".tile[data-sensor-id='" + Fixtures.STEAM_PRESSURE.sensorId() + "']");
        assertThat(chromium.findElement(status).getText()).isEqualTo("ok");
        assertThat(chromium.findElement(By.id("no-alerts")).isDisplayed()).isTrue();

        UUID alert = AlertsFixture.alert(site.siteId(), "open", "high", "b1-steam-pressure above 12 bar");
        announce(alert, "opened", "open");

        By item = By.cssSelector("#alert-list li[data-alert-id='" + alert + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(item));
        wait.until(ExpectedConditions.textToBe(status, "alerting · high"));
        assertThat(chromium.findElement(status).getAttribute("class")).contains("sev-high");
        assertThat(chromium.findElement(tile).getAttribute("class")).contains("state-alarm");
        assertThat(chromium.findElement(tile).findElement(By.className("tile-state")).getText()).isEqualToIgnoringCase("alarm · high");
        assertThat(chromium.findElement(By.id("no-alerts")).isDisplayed()).isFalse();
        assertThat(chromium.findElement(item).findElements(By.cssSelector("form[action$='/acknowledge']"))).hasSize(1);
        screenshot("site-alert-1280");

        // Another operator acknowledges it: frontend-web → frontend-api → alert-service, which announces it.
        WebSession colleague = new WebSession(port).from(WebSession.randomAddress());
        colleague.signIn(DashboardUsersFixture.user("operator", site.siteId()), DashboardUsersFixture.PASSWORD);
        colleague.get("/sites/" + site.siteId());
        assertThat(colleague.postWithCsrf("/alerts/" + alert + "/acknowledge", List.of("site_id", site.siteId())).status())
                .isEqualTo(302);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#alert-list li[data-alert-id='" + alert + "'] .alert-state"),
                "acknowledged"));
        assertThat(chromium.findElement(item).getText()).contains("acknowledged by user:");
        assertThat(chromium.findElement(item).findElements(By.cssSelector("form[action$='/acknowledge']"))).isEmpty();

        // alert-service resolves it (a reading back below the limit would): PostgreSQL, the site's open-alerts
        // document that frontend-api's list reads (written since the acknowledgement) and the announcement.
        ConfigurableApplicationContext alerting = InProcessFrontendApi.alertService();
        alerting.getBean(TransactionTemplate.class).executeWithoutResult(tx -> alerting.getBean(AlertLifecycle.class)
                .resolve(alert, 10.0, Instant.now()));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#alert-list li"), 0));
        wait.until(ExpectedConditions.textToBe(status, "ok"));
        assertThat(chromium.findElement(By.id("no-alerts")).isDisplayed()).isTrue();
        assertThat(chromium.findElement(tile).getAttribute("class")).contains("state-ok");
        assertThat(chromium.executeScript("return window.notReloaded;")).isEqualTo("yes");
    }

    @Test
    void anAlertsChangeForAnotherSiteLeavesThePageAloneAndAShelvedAlertOffersUnshelveOnAPhone() throws Exception {
        Fixtures.SiteFixture other = Fixtures.boilerHouse();
        String user = DashboardUsersFixture.user("operator", site.siteId(), other.siteId());
        post(12.6);
        UUID critical = AlertsFixture.alert(site.siteId(), "open", "critical", "b1-steam-pressure above 12.5 bar");
        UUID shelved = AlertsFixture.alert(site.siteId(), "acknowledged", "medium", "b1-steam-pressure rising fast");
        Fixtures.execute("UPDATE alerts SET shelved_until = now() + interval '8 hours', shelve_reason = 'burner service'"
                + " WHERE alert_id = '" + shelved + "'");
        chromium = Chromium.start(390, 844);
        WebDriverWait wait = new WebDriverWait(chromium, LIVE);
        signIn(user);
        chromium.get(base() + "/sites/" + site.siteId());
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "Live."));
        wait.until(ExpectedConditions.attributeToBe(By.id("site"), "data-alerts-refreshed", "1"));
        assertThat(chromium.findElement(By.id("site-status")).getText()).isEqualTo("alerting · critical");
        assertThat(chromium.findElements(By.cssSelector("#alert-list li[data-alert-id='" + shelved + "'] form[action$='/unshelve']")))
                .hasSize(1);
        assertThat(chromium.findElements(By.cssSelector("#alert-list li[data-alert-id='" + critical + "'] form[action$='/unshelve']")))
                .isEmpty();

        UUID elsewhere = AlertsFixture.alert(other.siteId(), "open", "high", "alert at the other site");
        announce(other.siteId(), elsewhere, "opened", "open");
        UUID mine = AlertsFixture.alert(site.siteId(), "open", "low", "b1-steam-pressure drifting");
        announce(mine, "opened", "open");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alert-list li[data-alert-id='" + mine + "']")));
        assertThat(chromium.findElement(By.id("site")).getAttribute("data-alerts-refreshed"))
                .as("one fetch for its own site's change, none for the other's").isEqualTo("2");
        assertThat(chromium.findElements(By.cssSelector("#alert-list li"))).hasSize(3);
        screenshot("site-alerts-390");
    }

    @Test
    void theOverviewShowsANewAlertWithinItsRefreshWithoutAReload() {
        String user = DashboardUsersFixture.user("viewer", site.siteId());
        post(10.0);
        chromium = Chromium.start(1280, 900);
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(40));
        signIn(user);
        By badge = By.cssSelector("tr[data-site-id='" + site.siteId() + "'] td[data-label='Status'] .badge");
        wait.until(ExpectedConditions.presenceOfElementLocated(badge));
        assertThat(chromium.findElement(badge).getText()).isEqualTo("ok");
        chromium.executeScript("window.notReloaded = 'yes';");

        AlertsFixture.alert(site.siteId(), "open", "critical", "b1-steam-pressure above 14 bar");
        wait.until(ExpectedConditions.textToBe(badge, "alerting · critical"));
        assertThat(chromium.findElement(By.cssSelector("tr[data-site-id='" + site.siteId() + "'] td[data-label='Open alerts']"))
                .getText()).isEqualTo("1");
        assertThat(chromium.findElement(By.id("overview-refresh")).getText()).startsWith("Updated ");
        assertThat(chromium.executeScript("return window.notReloaded;")).isEqualTo("yes");
    }

    private void signIn(String user) {
        chromium.get(base() + "/login");
        chromium.findElement(By.id("username")).sendKeys(user);
        chromium.findElement(By.id("password")).sendKeys(DashboardUsersFixture.PASSWORD);
        chromium.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        new WebDriverWait(chromium, LIVE).until(ExpectedConditions.urlMatches(".*/$"));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The stream entry alert-service adds after a change (the fixture wrote the change to PostgreSQL itself). */
    private void announce(UUID alertId, String event, String state) {
        announce(site.siteId(), alertId, event, state);
    }

    private void announce(String siteId, UUID alertId, String event, String state) {
        String severity = Fixtures.countText("SELECT severity FROM alerts WHERE alert_id = '" + alertId + "'");
        redis.opsForStream().add(StreamRecords.string(new AlertChangeEntry(siteId, alertId, event, state, severity,
                Instant.now()).encode()).withStreamKey(RedisKeys.ALERT_CHANGES_STREAM));
    }

    private void post(double pressure) {
        ServiceClient.Answer accepted = new ServiceClient(InProcessIngestion.port()).post("/api/v1/readings",
                "Bearer " + site.gatewayToken(), "application/json",
                "{\"site_id\":\"" + site.siteId() + "\",\"readings\":[{\"sensor_id\":\""
                        + Fixtures.STEAM_PRESSURE.sensorId() + "\",\"value\":" + pressure + ",\"timestamp\":"
                        + System.currentTimeMillis() + "}]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    /** The whole page, beyond the window (Chromium's DevTools screenshot). */
    @SuppressWarnings("unchecked")
    private void screenshot(String name) throws Exception {
        Map<String, Object> metrics = chromium.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = chromium.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", ((Number) size.get("width")).doubleValue(),
                        "height", ((Number) size.get("height")).doubleValue())));
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
