package org.steambytes.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.testsupport.Fixtures;

/**
 * The admin pages in real headless Chromium, at 1280 px and on a 390 px phone: an admin goes from the nav to
 * the site's sensors, submits a sensor id frontend-api refuses and sees its message next to the field, fixes
 * it and sees the sensor listed; the rule form shows a kind's fields once the kind is chosen; a viewer who
 * opens an admin page gets the 403 page. Screenshots go to {@code target/screenshots/}.
 */
class AdminBrowserTests extends DashboardTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Fixtures.SiteFixture site;
    private ChromeDriver chromium;
    private WebDriverWait wait;

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

    @ParameterizedTest
    @CsvSource({"1280, 1000", "390, 1400"})
    void anAdminCreatesASensorAfterFixingWhatFrontendApiRefused(int width, int height) throws IOException {
        signIn(DashboardUsersFixture.user("admin", site.siteId()), width, height);

        if (width > 500) {
            chromium.findElement(By.linkText("Admin")).click();
        } else {
            chromium.get(url("/admin"));
        }
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#admin-list tr[data-id='" + site.siteId() + "']")));
        row.findElement(By.partialLinkText("Sensors")).click();
        wait.until(ExpectedConditions.urlContains("/admin/sites/" + site.siteId() + "/sensors"));
        screenshot("admin-sensors-" + width);
        assertFitsTheWidth();
        chromium.findElement(By.id("new-link")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-sensor_id"))).sendKeys("B2 Drum Level");
        chromium.findElement(By.id("f-name")).sendKeys("Boiler 2 drum level");
        chromium.findElement(By.id("f-sensor_type")).sendKeys("drum_water_level");
        chromium.findElement(By.id("f-unit")).sendKeys("mm");
        chromium.findElement(By.id("f-min_valid")).sendKeys("-300");
        chromium.findElement(By.id("f-max_valid")).sendKeys("300");
        chromium.findElement(By.cssSelector("#admin-form button[type=submit]")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-sensor_id-error")));
        assertThat(error.getText()).contains("must be a slug");
        WebElement sensorId = chromium.findElement(By.id("f-sensor_id"));
        assertThat(sensorId.getAttribute("value")).isEqualTo("B2 Drum Level");
        assertThat(sensorId.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(sensorId.getAttribute("aria-describedby")).contains("f-sensor_id-error");
        assertThat(chromium.findElement(By.id("f-max_valid")).getAttribute("value")).isEqualTo("300");
        // The error sits with its field: below the input, above the next field.
        assertThat(error.getLocation().getY()).isGreaterThan(sensorId.getLocation().getY())
                .isLessThan(chromium.findElement(By.id("f-name")).getLocation().getY());
        assertThat(chromium.switchTo().activeElement().getAttribute("id")).isEqualTo("form-problems");
        screenshot("admin-sensor-form-errors-" + width);
        assertFitsTheWidth();

        sensorId.clear();
        sensorId.sendKeys("b2-drum-level");
        chromium.findElement(By.cssSelector("#admin-form button[type=submit]")).click();
        WebElement created = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#admin-list tr[data-id='b2-drum-level']")));
        assertThat(created.getText()).contains("Boiler 2 drum level", "drum_water_level", "mm");
        assertThat(chromium.findElement(By.id("notice")).getText()).isEqualTo("Sensor b2-drum-level created.");
        assertThat(Fixtures.count("SELECT count(*) FROM sensors WHERE site_id = '" + site.siteId()
                + "' AND sensor_id = 'b2-drum-level' AND min_valid = -300 AND max_valid = 300")).isEqualTo(1);
    }

    @Test
    void choosingARuleKindShowsItsFields() throws IOException {
        signIn(DashboardUsersFixture.user("admin", site.siteId()), 1280, 1000);
        chromium.get(url("/admin/sites/" + site.siteId() + "/alert-rules/new"));
        assertThat(chromium.findElements(By.id("f-operator"))).hasSize(1);
        assertThat(chromium.findElements(By.id("f-samples"))).isEmpty();

        new Select(chromium.findElement(By.id("kind"))).selectByValue("frozen"); // the page's script submits the choice
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-samples")));
        assertThat(chromium.getCurrentUrl()).contains("kind=frozen");
        assertThat(chromium.findElements(By.id("f-operator"))).isEmpty();
        assertThat(chromium.findElements(By.id("f-limit"))).isEmpty();
        new Select(chromium.findElement(By.id("f-sensor_id"))).selectByValue(Fixtures.STEAM_PRESSURE.sensorId());
        new Select(chromium.findElement(By.id("f-severity"))).selectByValue("medium");
        chromium.findElement(By.id("f-samples")).sendKeys("20");
        chromium.findElement(By.cssSelector("#admin-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(Fixtures.countText("SELECT kind || '|' || samples || '|' || severity FROM alert_rules WHERE site_id = '"
                + site.siteId() + "'")).isEqualTo("frozen|20|medium");
        screenshot("admin-alert-rules-1280");
    }

    @Test
    void aViewerOpeningAnAdminPageIsRefused() throws IOException {
        signIn(DashboardUsersFixture.user("viewer", site.siteId()), 390, 844);
        assertThat(chromium.findElements(By.linkText("Admin"))).isEmpty();
        chromium.get(url("/admin/sites/" + site.siteId() + "/sensors/new"));
        WebElement heading = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(heading.getText()).contains("403", "Not allowed");
        assertThat(chromium.findElements(By.id("admin-form"))).isEmpty();
        screenshot("admin-viewer-refused-390");
    }

    private void signIn(String user, int width, int height) {
        chromium = Chromium.start(width, height);
        wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
        chromium.get(url("/login"));
        chromium.findElement(By.id("username")).sendKeys(user);
        chromium.findElement(By.id("password")).sendKeys(DashboardUsersFixture.PASSWORD);
        chromium.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/$"));
    }

    /** Nothing wider than the screen: no sideways scrolling on a phone. */
    private void assertFitsTheWidth() {
        Object overflow = chromium.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(chromium.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
