package org.steambytes.alerting.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steambytes.alerting.AlertingTestSupport.body;
import static org.steambytes.alerting.AlertingTestSupport.mailTo;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.alerting.AlertingTestSupport.Site;
import org.steambytes.testsupport.Fixtures;

/**
 * {@code efficiency_drop} rules against ai-processor's efficiency rows in the real PostgreSQL: a week of
 * history written as ai-processor writes it, then the watch run as its schedule would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EfficiencyDropTests {

    private static final String GROUP = "efficiency-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DIRECT = "efficiency";
    private static final String COMBUSTION = "combustion_efficiency";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        Map<String, String> properties = AlertingTestSupport.analyticsProperties(GROUP);
        properties.put("steambytes.notification.renotify-every", "1h"); // one e-mail per high alert here
        properties.put("steambytes.notification.escalate-after", "2h");
        AlertingTestSupport.register(registry, properties);
    }

    @AfterAll
    static void stopFollowing(@Autowired ApplicationContext context) {
        AlertingTestSupport.stopAnalytics(context, GROUP);
        AlertingTestSupport.dropGroup(context, GROUP);
    }

    @Autowired
    EfficiencyWatch watch;

    /** Minutes of "now": the history ends before it, the test's own values come after. */
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));

    @Test
    void opensOnceLowForItsDelayNotBeforeAndResolvesOnlyPastTheDeadband() {
        Site site = site();
        UUID rule = rule(site, 5.0, null, "direct", 120, 1.0, "medium");

        value(site, DIRECT, 1, 80.1);
        watch.check();
        value(site, DIRECT, 2, 80.0);
        watch.check();
        assertThat(alerts(rule)).as("low for 60 s of 120").isZero();
        value(site, DIRECT, 3, 80.2);
        watch.check();
        assertThat(Fixtures.countText("SELECT state || '|' || value || '|' || limit_value || '|' || message FROM alerts"
                + " WHERE rule_id = '" + rule + "'")).isEqualTo("open|80.2|81.6|direct efficiency 80.2 % is 6.4 points"
                + " below its 7-day median 86.6 % (limit 5 points)");
        assertThat(Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id = '" + rule + "' AND opened_at = '"
                + base.plus(Duration.ofMinutes(3)) + "'::timestamptz")).as("at the window's end").isEqualTo(1);

        value(site, DIRECT, 4, 82.4); // above the boundary 81.6, within the deadband of 1 point
        watch.check();
        assertThat(state(rule)).isEqualTo("open");
        value(site, DIRECT, 5, 82.8);
        watch.check();
        assertThat(state(rule)).isEqualTo("resolved");
        assertThat(alerts(rule)).isEqualTo(1);
    }

    @Test
    void aFloorOpensWithoutADropBelowTheMedian() {
        Site site = site();
        UUID rule = rule(site, null, 85.0, "direct", 0, 0.5, "medium");
        value(site, DIRECT, 1, 85.2);
        watch.check();
        assertThat(alerts(rule)).isZero();

        value(site, DIRECT, 2, 84.6); // 2 points below the median: only the floor says low
        watch.check();

        assertThat(Fixtures.countText("SELECT message FROM alerts WHERE rule_id = '" + rule + "'"))
                .isEqualTo("direct efficiency 84.6 % is below its floor 85 % (7-day median 86.6 %)");
    }

    @Test
    void eachMethodWatchesItsEfficiencyAndEitherWatchesBoth() {
        Site site = site();
        UUID direct = rule(site, 5.0, null, "direct", 0, 0.5, "medium");
        UUID combustion = rule(site, 5.0, null, "combustion", 0, 0.5, "medium");
        UUID either = rule(site, 5.0, null, "either", 0, 0.5, "medium");
        UUID eitherByDefault = rule(site, 5.0, null, null, 0, 0.5, "medium");
        value(site, DIRECT, 1, 86.0);
        value(site, COMBUSTION, 1, 80.0); // combustion dropped, direct did not

        watch.check();

        assertThat(alerts(direct)).isZero();
        assertThat(alerts(combustion)).isEqualTo(1);
        assertThat(alerts(either)).isEqualTo(1);
        assertThat(alerts(eitherByDefault)).isEqualTo(1);
        assertThat(Fixtures.countText("SELECT message FROM alerts WHERE rule_id = '" + either + "'"))
                .startsWith("combustion efficiency 80.0 %");

        value(site, COMBUSTION, 2, 85.0); // back, but direct now low: either stays open
        value(site, DIRECT, 2, 79.0);
        watch.check();
        assertThat(state(combustion)).isEqualTo("resolved");
        assertThat(state(either)).isEqualTo("open");
        assertThat(state(direct)).isEqualTo("open");
    }

    @Test
    void valuesNotComputedNeverOpenNorResolve() {
        Site site = site();
        UUID rule = rule(site, 5.0, 85.0, "either", 0, 0.5, "medium");
        for (int minute = 1; minute <= 5; minute++) {
            value(site, DIRECT, minute, null);
            value(site, COMBUSTION, minute, null);
        }
        watch.check();
        assertThat(alerts(rule)).isZero();

        UUID delayed = rule(site, 5.0, null, "direct", 120, 0.5, "medium");
        value(site, DIRECT, 6, 70.0); // low, but the values before it were not computed: not low for 120 s
        watch.check();
        assertThat(alerts(delayed)).isZero();
        assertThat(alerts(rule)).as("no delay: low now").isEqualTo(1);

        value(site, DIRECT, 7, null); // not computed: no evidence it recovered
        watch.check();
        assertThat(state(rule)).isEqualTo("open");
    }

    @Test
    void aHighEfficiencyAlertReachesTheSmtpServerAsExactlyOneMail() throws Exception {
        Site site = site();
        rule(site, 5.0, null, "direct", 0, 0.5, "high");
        value(site, DIRECT, 1, 80.1);

        watch.check();

        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 1);
        MimeMessage mail = mailTo(site.oncall()).get(0);
        assertThat(mail.getSubject()).isEqualTo("[SteamBytes] HIGH opened: " + site.name()
                + " — direct efficiency 80.1 % is 6.5 points below its 7-day median 86.6 % (limit 5 points)");
        assertThat(body(mail)).contains("Sensor:    (whole site)", "Value:     80.1 %", "Limit:     81.6 %",
                "Severity:  high");
        watch.check(); // judged again: still the same alert
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(mailTo(site.oncall())).as("exactly one").hasSize(1);
    }

    /** A site with a week of hourly history of both efficiencies around a median of 86.6 %, ending before {@link #base}. */
    private Site site() {
        Site site = AlertingTestSupport.site();
        for (String kind : new String[] {DIRECT, COMBUSTION}) {
            Fixtures.execute("INSERT INTO analytics_results (site_id, kind, window_start, window_end, value)"
                    + " SELECT '" + site.siteId() + "', '" + kind + "', t - interval '1 minute', t,"
                    + " 86.6 + ((extract(hour FROM t)::int % 3) - 1) * 0.3"
                    + " FROM generate_series('" + base + "'::timestamptz - interval '7 days' + interval '1 hour', '"
                    + base + "'::timestamptz, interval '1 hour') t");
        }
        return site;
    }

    private void value(Site site, String kind, int minute, Double value) {
        Instant end = base.plus(Duration.ofMinutes(minute));
        Fixtures.execute("INSERT INTO analytics_results (site_id, kind, window_start, window_end, value) VALUES ('"
                + site.siteId() + "', '" + kind + "', '" + end.minus(Duration.ofHours(1)) + "', '" + end + "', " + value + ")");
    }

    private static UUID rule(Site site, Double limit, Double floor, String method, int delayS, double deadband,
            String severity) {
        UUID ruleId = UUID.randomUUID();
        Fixtures.execute("INSERT INTO alert_rules (rule_id, site_id, kind, limit_value, floor_pct, method, delay_s, deadband,"
                + " severity) VALUES ('" + ruleId + "', '" + site.siteId() + "', 'efficiency_drop', " + limit + ", " + floor
                + ", " + (method == null ? "NULL" : "'" + method + "'") + ", " + delayS + ", " + deadband + ", '" + severity
                + "')");
        return ruleId;
    }

    private static long alerts(UUID ruleId) {
        return Fixtures.count("SELECT count(*) FROM alerts WHERE rule_id = '" + ruleId + "'");
    }

    private static String state(UUID ruleId) {
        return Fixtures.countText("SELECT string_agg(state, ',') FROM alerts WHERE rule_id = '" + ruleId + "'");
    }

    static {
        System.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    }
}
