package org.steambytes.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.steambytes.dashboard.AlertsFixture;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.ServiceClient;

/**
 * The dashboard in real headless Chromium: sign in through the form, see the site in the overview,
 * open it, watch a tile change when a reading is posted to the real iot-ingestion (in this JVM, on
 * the same Redis stream and InfluxDB), and see its chart drawn by uPlot from the history API; open
 * the alerts page, an alert, acknowledge it and see who did in its timeline.
 */
class DashboardBrowserTests extends DashboardTest {

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
    void signsInSeesTheSiteWatchesATileUpdateAndDrawsAChart() {
        String user = DashboardUsersFixture.user("operator", site.siteId());
        post(10.25, System.currentTimeMillis() - 60_000);
        chromium = Chromium.start(1280, 900);
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));

        chromium.get("http://127.0.0.1:" + port + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        chromium.findElement(By.id("username")).sendKeys(user);
        chromium.findElement(By.id("password")).sendKeys(DashboardUsersFixture.PASSWORD);
        chromium.findElement(By.cssSelector("form.login-form button[type=submit]")).click();

        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-site-id='" + site.siteId() + "']")));
        row.findElement(By.tagName("a")).click();

        By pressureTile = By.cssSelector(".tile[data-sensor-id='" + Fixtures.STEAM_PRESSURE.sensorId() + "']");
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "Live."));
        assertThat(chromium.findElement(pressureTile).findElement(By.className("tile-value")).getText()).isEqualTo("10.25");

        post(11.75, System.currentTimeMillis());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".tile[data-sensor-id='" + Fixtures.STEAM_PRESSURE.sensorId() + "'] .tile-value"), "11.75"));
        assertThat(chromium.findElement(pressureTile).getAttribute("class")).contains("state-ok");

        By chart = By.cssSelector(".chart[data-sensor-id='" + Fixtures.STEAM_PRESSURE.sensorId() + "']");
        wait.until(ExpectedConditions.attributeToBeNotEmpty(chromium.findElement(chart), "data-drawn"));
        assertThat(chromium.findElement(chart).findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(Integer.parseInt(chromium.findElement(chart).getAttribute("data-drawn"))).isPositive();
    }

    @Test
    void turnsATileStaleWhenItsSensorStopsReporting() {
        String user = DashboardUsersFixture.user("viewer", site.siteId());
        post(9.5, System.currentTimeMillis() - 6 * 60_000); // older than max(3 × 10 s, 5 min)
        chromium = Chromium.start(390, 844);
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
        chromium.get("http://127.0.0.1:" + port + "/login");
        chromium.findElement(By.id("username")).sendKeys(user);
        chromium.findElement(By.id("password")).sendKeys(DashboardUsersFixture.PASSWORD);
        chromium.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/$"));
        chromium.get("http://127.0.0.1:" + port + "/sites/" + site.siteId());
        By tile = By.cssSelector(".tile[data-sensor-id='" + Fixtures.STEAM_PRESSURE.sensorId() + "']");
        wait.until(ExpectedConditions.attributeContains(tile, "class", "state-stale"));
        assertThat(chromium.findElement(tile).findElement(By.className("tile-state")).getText()).isEqualToIgnoringCase("stale");
    }

    @Test
    void anOperatorOpensAnAlertFromTheAlertsPageAndAcknowledgesIt() {
        String user = DashboardUsersFixture.user("operator", site.siteId());
        UUID alert = AlertsFixture.alert(site.siteId(), "open", "high", "b1-steam-pressure above 12 bar");
        chromium = Chromium.start(1280, 900);
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
        chromium.get("http://127.0.0.1:" + port + "/login");
        chromium.findElement(By.id("username")).sendKeys(user);
        chromium.findElement(By.id("password")).sendKeys(DashboardUsersFixture.PASSWORD);
        chromium.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/$"));

        chromium.findElement(By.linkText("Alerts")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-alert-id='" + alert + "']")));
        assertThat(row.getText()).contains("high", "b1-steam-pressure above 12 bar", "open");
        row.findElement(By.className("alert-link")).click();

        wait.until(ExpectedConditions.urlContains("/alerts/" + alert));
        chromium.findElement(By.id("ack-note")).sendKeys("on my way");
        chromium.findElement(By.cssSelector("#acknowledge-form button[type=submit]")).click();

        By acknowledged = By.cssSelector("#timeline li[data-type='acknowledged']");
        wait.until(ExpectedConditions.presenceOfElementLocated(acknowledged));
        assertThat(chromium.getCurrentUrl()).endsWith("/alerts/" + alert);
        assertThat(chromium.findElement(acknowledged).getText()).contains("acknowledged by user:" + user, "on my way");
        assertThat(chromium.findElement(By.id("alert-state")).getText()).contains("acknowledged");
        assertThat(chromium.findElements(By.id("acknowledge-form"))).isEmpty();
    }

    private void post(double pressure, long timestampMs) {
        ServiceClient.Answer accepted = new ServiceClient(InProcessIngestion.port()).post("/api/v1/readings",
                "Bearer " + site.gatewayToken(), "application/json",
                "{\"site_id\":\"" + site.siteId() + "\",\"readings\":[{\"sensor_id\":\""
                        + Fixtures.STEAM_PRESSURE.sensorId() + "\",\"value\":" + pressure + ",\"timestamp\":" + timestampMs + "}]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }
}
