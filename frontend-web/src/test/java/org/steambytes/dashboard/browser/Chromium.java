package org.steambytes.dashboard.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (scripts/services-up installs both):
 * both paths are given, so Selenium Manager never looks for, let alone downloads, a browser.
 */
final class Chromium {

    static final File BROWSER = new File(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    static ChromeDriver start(int width, int height) {
        if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException(BROWSER + " or " + DRIVER + " missing: run scripts/services-up (apt chromium chromium-driver)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("steambytes-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        profile.toFile().deleteOnExit();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        if (width < 500) {
            // Headless Chromium will not make a window narrower than 500 px: a phone is emulated instead.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
