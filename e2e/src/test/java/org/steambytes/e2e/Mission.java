package org.steambytes.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steambytes.e2e.SuiteService.AI_PROCESSOR;
import static org.steambytes.e2e.SuiteService.ALERT_SERVICE;
import static org.steambytes.e2e.SuiteService.FRONTEND_API;
import static org.steambytes.e2e.SuiteService.FRONTEND_WEB;
import static org.steambytes.e2e.SuiteService.IOT_INGESTION;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/**
 * The mission as its users walk it (issue 12), against five running services: an integrator provisions a
 * site, sensors, a gateway, a threshold rule and an operator through frontend-api; the gateway posts
 * normal readings, then a breach, to iot-ingestion; latest values and history come back through the API;
 * the breach sends exactly one e-mail to the site's on-call address; the analytics results appear and the site's
 * summary says alerting; the
 * operator follows the e-mail's link into the dashboard in headless Chromium and sees the tile and the alert.
 * Each step names the service whose part it checks ({@link Blame}).
 */
final class Mission {

    static final String PRESSURE = "b1-steam-pressure";
    static final String FLUE_GAS = "b1-flue-gas-temp";
    static final String OXYGEN = "b1-o2";
    static final double LIMIT_BAR = 12.0;
    static final double BREACH_BAR = 13.4;
    /** Normal readings every 20 s over the last 10 minutes, before the breach. */
    static final int NORMAL_READINGS = 30;

    private final Suite suite;
    private final Mailbox mailbox;
    private final String siteId;
    private final String siteName;
    private final String oncall;
    private final String operator;
    private final String operatorPassword;
    private final IntegratorApi api;

    Mission(Suite suite, Mailbox mailbox, SuiteSecrets secrets, String run) {
        this.suite = suite;
        this.mailbox = mailbox;
        // Ids of this run only: Redis is shared, and its per-site keys are named by the site (docs/API.md "Redis").
        this.siteId = "e2e-plant-" + run;
        this.siteName = "E2E Plant " + run;
        this.oncall = "oncall-" + run + "@e2e.example";
        this.operator = "operator-" + run;
        this.operatorPassword = "operator-password-" + run;
        this.api = new IntegratorApi(suite.port(FRONTEND_API), secrets.adminApiKey());
    }

    String siteId() {
        return siteId;
    }

    void walk() {
        Gateway gateway = integratorProvisionsTheSite();
        Instant firstReading = gatewayPostsNormalReadingsThenABreach(gateway);
        latestValuesAndHistoryComeBackThroughTheApi(firstReading);
        Mailbox.Mail mail = theBreachSendsOneEmailToTheOnCallAddress();
        String alertId = theAlertIsListedThroughTheApi(mail);
        double combustion = analyticsResultsAppear();
        theSiteSummarySaysAlerting(combustion);
        theOperatorFollowsTheLinkAndSeesTileAndAlert(mail, alertId, combustion);
        noSecondEmailArrives();
        aTelegrafStyleWriterFeedsTheSiteInLineProtocol(gateway);
    }

    /**
     * docs/API.md "Line protocol": the same gateway token writes InfluxDB line protocol; a malformed line
     * refuses the whole batch with InfluxDB's error shape, a good batch is answered 204 once durable and its
     * reading becomes the sensor's latest (the same value as before, so analytics and alerts see no change).
     */
    private void aTelegrafStyleWriterFeedsTheSiteInLineProtocol(Gateway gateway) {
        Blame.on(IOT_INGESTION, "takes line protocol on /write (InfluxDB 1.x API, Token auth)", () -> {
            long at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
            ServiceClient.Answer refused = gateway.writeLines("reading,sensor_id=" + OXYGEN + " value=3.0 " + at
                    + "\nnot a line\n");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("\"error\"").contains("line 2");
            ServiceClient.Answer written = gateway.writeLines("reading,sensor_id=" + OXYGEN + " value=3.0 " + at + "\n");
            assertThat(written.status()).as(written.body()).isEqualTo(204);
            await("the line's reading as the latest O2").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode oxygen = bySensor(api.get("/sites/" + siteId + "/latest").path("readings")).get(OXYGEN);
                assertThat(Instant.parse(oxygen.path("timestamp").asString()).toEpochMilli()).isEqualTo(at);
            });
        });
    }

    /** docs/API.md "Integrators": the bootstrap admin key (STEAMBYTES_ADMIN_API_KEY) creates everything. */
    private Gateway integratorProvisionsTheSite() {
        return Blame.on(FRONTEND_API, "provisions a site, its sensors, a gateway, a rule and an operator (X-API-Key)", () -> {
            JsonNode site = api.create("/sites", Map.of("site_id", siteId, "name", siteName, "timezone", "Europe/Berlin",
                    "fuel_type", "natural_gas", "notification_emails", List.of(oncall)));
            assertThat(site.path("site_id").asString()).isEqualTo(siteId);
            sensor(PRESSURE, "steam_pressure", "bar", -1, 250);
            sensor(FLUE_GAS, "flue_gas_temperature", "°C", -50, 600);
            sensor(OXYGEN, "flue_gas_o2", "%", 0, 21);
            JsonNode created = api.create("/sites/" + siteId + "/gateways", Map.of("name", "gw-1"));
            String token = created.path("token").asString();
            assertThat(token).as("the gateway's token, shown once").startsWith("gw_");
            // Medium or higher mails each transition at once (low waits for the hourly digest); no on-delay.
            api.create("/sites/" + siteId + "/alert-rules", Map.of("kind", "threshold", "sensor_id", PRESSURE,
                    "operator", "above", "limit", LIMIT_BAR, "delay_s", 0, "severity", "high"));
            api.create("/users", Map.of("username", operator, "password", operatorPassword, "role", "operator",
                    "site_ids", List.of(siteId)));
            // STEAMBYTES_ADMIN_PASSWORD made the dashboard's admin of all sites at start-up (docs/API.md).
            assertThat(api.get("/users/admin").path("role").asString()).isEqualTo("admin");
            Blame.on(AI_PROCESSOR, "stores the site's analytics settings (PUT through frontend-api)", () -> {
                JsonNode settings = api.put("/sites/" + siteId + "/analytics-config", Map.of("air_temperature_c", 20));
                assertThat(settings.path("air_temperature_c").asDouble()).isEqualTo(20.0);
            });
            return new Gateway(suite.port(IOT_INGESTION), siteId, token);
        });
    }

    private void sensor(String sensorId, String type, String unit, double minValid, double maxValid) {
        api.create("/sites/" + siteId + "/sensors", Map.of("sensor_id", sensorId, "sensor_type", type, "unit", unit,
                "min_valid", minValid, "max_valid", maxValid, "expected_interval_s", 60));
    }

    /**
     * Ten minutes of a steady boiler (timestamps as RFC 3339 and as epoch milliseconds), then one batch
     * without timestamps (the server's time) in which the steam pressure is above the rule's limit.
     */
    private Instant gatewayPostsNormalReadingsThenABreach(Gateway gateway) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minusSeconds(20L * NORMAL_READINGS);
        return Blame.on(IOT_INGESTION, "accepts the gateway's readings (202) and logs the batches", () -> {
            List<Gateway.Reading> normal = new ArrayList<>();
            for (int i = 0; i < NORMAL_READINGS; i++) {
                Instant at = first.plusSeconds(20L * i);
                normal.add(new Gateway.Reading(PRESSURE, 10.0 + 0.1 * (i % 3), at.toString()));
                normal.add(new Gateway.Reading(FLUE_GAS, 180.0 + (i % 2), at.toEpochMilli()));
                normal.add(new Gateway.Reading(OXYGEN, 3.0, at.toEpochMilli()));
            }
            gateway.post(normal);
            gateway.post(List.of(new Gateway.Reading(PRESSURE, BREACH_BAR, null),
                    new Gateway.Reading(FLUE_GAS, 180.0, null), new Gateway.Reading(OXYGEN, 3.0, null)));
            await("two logged batches").atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    api.get("/sites/" + siteId + "/ingestion-logs").path("page").path("total_elements").asInt()).isEqualTo(2));
            return first;
        });
    }

    private void latestValuesAndHistoryComeBackThroughTheApi(Instant firstReading) {
        Blame.on(IOT_INGESTION, "latest values in Redis, read by frontend-api (GET /sites/{id}/latest)", () ->
                await("the breach as the latest steam pressure").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    Map<String, JsonNode> latest = bySensor(api.get("/sites/" + siteId + "/latest").path("readings"));
                    assertThat(latest.get(PRESSURE).path("value").asDouble()).isEqualTo(BREACH_BAR);
                    assertThat(latest.get(PRESSURE).path("stale").asBoolean()).isFalse();
                    assertThat(latest.get(FLUE_GAS).path("value").asDouble()).isEqualTo(180.0);
                    assertThat(latest.get(OXYGEN).path("unit").asString()).isEqualTo("%");
                }));
        Blame.on(AI_PROCESSOR, "the history API over the reading store, through frontend-api (GET …/readings)", () ->
                await("every steam pressure reading in the history").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    String path = "/sites/" + siteId + "/sensors/" + PRESSURE + "/readings?from=" + firstReading.minusSeconds(60)
                            + "&interval=1h&aggregate=";
                    assertThat(sum(api.get(path + "count").path("points"))).isEqualTo(NORMAL_READINGS + 1);
                    assertThat(max(api.get(path + "max").path("points"))).isEqualTo(BREACH_BAR);
                }));
    }

    /** docs/API.md "Alert e-mails": one e-mail per transition of a high alert, to the site's notification e-mails. */
    private Mailbox.Mail theBreachSendsOneEmailToTheOnCallAddress() {
        return Blame.on(ALERT_SERVICE, "sends one e-mail to the site's on-call address when the breach opens an alert", () -> {
            await("an e-mail to " + oncall).atMost(Duration.ofSeconds(60)).until(() -> !mailbox.to(oncall).isEmpty());
            Mailbox.Mail mail = mailbox.to(oncall).get(0);
            assertThat(mail.subject()).startsWith("[SteamBytes] HIGH opened: " + siteName + " — ").contains(PRESSURE);
            assertThat(mail.body()).contains("Value:     13.4 bar", "Limit:     12.0 bar", "State:     open",
                    "Dashboard: " + suite.url(FRONTEND_WEB) + "/sites/" + siteId);
            return mail;
        });
    }

    private String theAlertIsListedThroughTheApi(Mailbox.Mail mail) {
        String alertId = Blame.on(ALERT_SERVICE, "links the e-mail to the alert's page", () -> {
            Matcher link = Pattern.compile("Alert page: " + Pattern.quote(suite.url(FRONTEND_WEB)) + "/alerts/(\\S+)")
                    .matcher(mail.body());
            assertThat(link.find()).as("an alert page link in:\n" + mail.body()).isTrue();
            return link.group(1);
        });
        Blame.on(FRONTEND_API, "lists the open alert (GET /alerts?site_id&state=open)", () -> {
            JsonNode alerts = api.get("/alerts?site_id=" + siteId + "&state=open").path("content");
            assertThat(alerts).hasSize(1);
            JsonNode alert = alerts.get(0);
            assertThat(alert.path("alert_id").asString()).isEqualTo(alertId);
            assertThat(alert.path("sensor_id").asString()).isEqualTo(PRESSURE);
            assertThat(alert.path("severity").asString()).isEqualTo("high");
            assertThat(alert.path("value").asDouble()).isEqualTo(BREACH_BAR);
            // docs/API.md "Alerts for the dashboard": the alert's timeline has the e-mail, to whom it went.
            await("the e-mail in the alert's events").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<String> emailedTo = new ArrayList<>();
                for (JsonNode event : api.get("/alerts/" + alertId + "/events").path("events")) {
                    if ("emailed".equals(event.path("type").asString())) {
                        event.path("recipients").forEach(recipient -> emailedTo.add(recipient.asString()));
                    }
                }
                assertThat(emailedTo).containsExactly(oncall);
            });
        });
        Blame.on(ALERT_SERVICE, "names the e-mail after the alert and its transition (Message-ID)", () ->
                assertThat(mail.messageId()).startsWith("<alert." + alertId + ".opened.").endsWith("@steambytes>"));
        return alertId;
    }

    /**
     * docs/API.md "Analytics": the window statistics of every sensor, and the combustion efficiency by Siegert
     * from the flue gas (≈ 180 °C, 3 % O₂, air 20 °C: about 92.7 %, docs/DOMAIN.md) — the direct one needs a
     * calorific value the site does not have.
     */
    private double analyticsResultsAppear() {
        return Blame.on(AI_PROCESSOR, "analyses the site's window (GET /sites/{id}/analytics through frontend-api)", () -> {
            AtomicReference<JsonNode> analytics = new AtomicReference<>();
            await("a result set with every reading").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        analytics.set(api.get("/sites/" + siteId + "/analytics"));
                        JsonNode pressure = bySensor(analytics.get().path("sensors")).get(PRESSURE);
                        assertThat(pressure).as("steam pressure statistics in " + analytics.get()).isNotNull();
                        assertThat(pressure.path("count").asInt()).isEqualTo(NORMAL_READINGS + 1);
                    });
            JsonNode result = analytics.get();
            assertThat(bySensor(result.path("sensors")).get(PRESSURE).path("max").asDouble()).isEqualTo(BREACH_BAR);
            assertThat(result.path("stale").asBoolean()).isFalse();
            JsonNode combustion = result.path("efficiency").path("combustion");
            assertThat(combustion.path("not_computed").isNull()).as(combustion.toString()).isTrue();
            assertThat(combustion.path("value_pct").asDouble()).isBetween(92.0, 93.5);
            assertThat(result.path("efficiency").path("direct").path("not_computed").asString()).contains("calorific");
            return combustion.path("value_pct").asDouble();
        });
    }

    /** docs/API.md "Site summaries": the overview's row of the site, read fresh from alerts, Redis and the analytics. */
    private void theSiteSummarySaysAlerting(double combustion) {
        Blame.on(FRONTEND_API, "summarises the site for the overview (GET /site-summaries)", () -> {
            JsonNode summary = null;
            for (JsonNode site : api.get("/site-summaries")) {
                if (siteId.equals(site.path("site_id").asString())) {
                    summary = site;
                }
            }
            assertThat(summary).as("the site among the summaries").isNotNull();
            assertThat(summary.path("status").asString()).isEqualTo("alerting");
            assertThat(summary.path("highest_open_severity").asString()).isEqualTo("high");
            assertThat(summary.path("open_alerts").asInt()).isEqualTo(1);
            assertThat(summary.path("last_reading_at").isNull()).isFalse();
            assertThat(summary.path("efficiency").path("combustion_pct").asDouble()).isEqualTo(combustion);
        });
    }

    /** docs/ARCHITECTURE.md §5 "frontend-web": signed out, the e-mail's link leads through sign-in to the alert. */
    private void theOperatorFollowsTheLinkAndSeesTileAndAlert(Mailbox.Mail mail, String alertId, double combustion) {
        Blame.on(FRONTEND_WEB, "an operator signs in from the e-mail's link and sees the tile and the alert", () -> {
            ChromeDriver chromium = HeadlessChromium.start();
            try {
                WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
                chromium.get(suite.url(FRONTEND_WEB) + "/alerts/" + alertId);
                wait.until(ExpectedConditions.urlContains("/login"));
                chromium.findElement(By.id("username")).sendKeys(operator);
                chromium.findElement(By.id("password")).sendKeys(operatorPassword);
                chromium.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
                wait.until(ExpectedConditions.urlContains("/alerts/" + alertId));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-state"), "open"));

                chromium.get(suite.url(FRONTEND_WEB) + "/sites/" + siteId);
                By tileValue = By.cssSelector(".tile[data-sensor-id='" + PRESSURE + "'] .tile-value");
                wait.until(ExpectedConditions.presenceOfElementLocated(tileValue));
                assertThat(chromium.findElement(tileValue).getText()).isEqualTo(String.format(Locale.ROOT, "%.2f", BREACH_BAR));
                By alert = By.cssSelector("#alert-list li[data-alert-id='" + alertId + "']");
                assertThat(chromium.findElements(alert)).as("the open alert on the site page").hasSize(1);
                assertThat(chromium.findElement(alert).getAttribute("data-severity")).isEqualTo("high");
                assertThat(chromium.findElement(alert).getText()).contains(PRESSURE);
                assertThat(chromium.findElement(By.id("analytics")).getText())
                        .contains(String.format(Locale.ROOT, "%.1f %%", combustion));
            } finally {
                chromium.quit();
            }
        });
    }

    /** Still exactly one e-mail, several seconds after the first: the open alert is not mailed again. */
    private void noSecondEmailArrives() {
        Blame.on(ALERT_SERVICE, "sends exactly one e-mail for the breach", () -> {
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            assertThat(mailbox.to(oncall)).extracting(Mailbox.Mail::subject).hasSize(1);
        });
    }

    private static Map<String, JsonNode> bySensor(JsonNode list) {
        Map<String, JsonNode> bySensor = new LinkedHashMap<>();
        for (JsonNode item : list) {
            bySensor.put(item.path("sensor_id").asString(), item);
        }
        return bySensor;
    }

    private static long sum(JsonNode points) {
        long sum = 0;
        for (JsonNode point : points) {
            sum += point.path("value").isNull() ? 0 : point.path("value").asLong();
        }
        return sum;
    }

    private static double max(JsonNode points) {
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode point : points) {
            if (!point.path("value").isNull()) {
                max = Math.max(max, point.path("value").asDouble());
            }
        }
        return max;
    }
}
