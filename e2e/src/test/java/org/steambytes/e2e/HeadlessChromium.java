package org.steambytes.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (scripts/services-up installs both; the
 * same set-up as frontend-web's browser tests): both paths are given, so Selenium never downloads one.
 */
final class HeadlessChromium {

    static final File BROWSER = new File(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    static ChromeDriver start() {
        if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
            throw new IllegalStateException(BROWSER + " or " + DRIVER + " missing: run scripts/services-up (apt chromium chromium-driver)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("steambytes-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        profile.toFile().deleteOnExit();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
