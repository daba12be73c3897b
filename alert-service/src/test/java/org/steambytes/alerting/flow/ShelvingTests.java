package org.steambytes.alerting.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.steambytes.alerting.AlertingTestSupport.mailTo;
import static org.steambytes.alerting.AlertingTestSupport.publish;
import static org.steambytes.alerting.AlertingTestSupport.rule;
import static org.steambytes.alerting.AlertingTestSupport.subjects;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.alerting.AlertingTestSupport.Site;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.ServiceClient;

/** Shelving through the internal API, against the real stores and SMTP server (re-notify 3 s, escalate 4 s here). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShelvingTests {

    private static final String GROUP = "shelving-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AUTH = "Bearer " + AlertingTestSupport.TOKEN;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        AlertingTestSupport.register(registry, GROUP);
    }

    @AfterAll
    static void dropGroup(@Autowired ApplicationContext context) {
        AlertingTestSupport.dropGroup(context, GROUP);
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void shelvingIsRecordedWithWhoUntilAndWhyAndShownInTheSnapshotUntilUnshelved() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        String alertId = openAlert(site);
        ServiceClient client = new ServiceClient(port);
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        assertThat(client.send("POST", shelvePath(alertId), shelve(until, "valve being replaced", "op-anna")).status())
                .as("internal token only").isEqualTo(401);
        ServiceClient.Answer shelved = client.send("POST", shelvePath(alertId), shelve(until, "valve being replaced", "op-anna"),
                "Authorization", AUTH);
        assertThat(shelved.status()).as(shelved.body()).isEqualTo(200);
        assertThat(Instant.parse(shelved.json().get("shelved_until").asString())).isEqualTo(until);
        assertThat(shelved.json().get("shelve_reason").asString()).isEqualTo("valve being replaced");
        assertThat(shelved.json().get("state").asString()).as("the state stays").isEqualTo("open");

        Instant later = until.plus(Duration.ofHours(1));
        ServiceClient.Answer moved = client.send("POST", shelvePath(alertId), shelve(later, "waiting for the part", "op-ben"),
                "Authorization", AUTH);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(Instant.parse(moved.json().get("shelved_until").asString())).isEqualTo(later);

        ServiceClient.Answer unshelved = client.send("DELETE", shelvePath(alertId) + "?who=op-carl", null, "Authorization", AUTH);
        assertThat(unshelved.status()).as(unshelved.body()).isEqualTo(200);
        assertThat(unshelved.json().get("shelved_until").isNull()).isTrue();
        assertThat(unshelved.json().get("shelve_reason").isNull()).isTrue();
        ServiceClient.Answer again = client.send("DELETE", shelvePath(alertId) + "?who=op-carl", null, "Authorization", AUTH);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("alert_not_shelved");

        assertThat(events(alertId)).isEqualTo("opened::,shelved:op-anna:valve being replaced,"
                + "shelved:op-ben:waiting for the part,unshelved:op-carl:");
        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).until(() -> true);
        assertThat(mailTo(site.oncall())).as("shelving itself is not mailed").hasSize(1);
    }

    @Test
    void theShelveEndpointRefusesUnknownResolvedAndBadUntil() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        String alertId = openAlert(site);
        ServiceClient client = new ServiceClient(port);
        Instant soon = Instant.now().plus(Duration.ofHours(1));

        ServiceClient.Answer unknown = client.send("POST", shelvePath(UUID.randomUUID().toString()), shelve(soon, "x", "op"),
                "Authorization", AUTH);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("alert_not_found");
        assertThat(client.send("DELETE", shelvePath(UUID.randomUUID().toString()) + "?who=op", null, "Authorization", AUTH)
                .status()).isEqualTo(404);
        for (Instant bad : new Instant[] {Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofDays(7)).plusSeconds(60)}) {
            ServiceClient.Answer refused = client.send("POST", shelvePath(alertId), shelve(bad, "x", "op"), "Authorization", AUTH);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("until");
        }
        ServiceClient.Answer noReason = client.send("POST", shelvePath(alertId),
                "{\"until\": \"" + soon + "\", \"who\": \"op\"}", "Authorization", AUTH);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("reason");
        assertThat(client.send("POST", shelvePath(alertId), shelve(soon, "x".repeat(501), "op"), "Authorization", AUTH)
                .status()).isEqualTo(422);

        publish(redis, site, Instant.now(), 10.0);
        await().atMost(WAIT).until(() -> "resolved".equals(state(alertId)));
        ServiceClient.Answer resolved = client.send("POST", shelvePath(alertId), shelve(soon, "x", "op"), "Authorization", AUTH);
        assertThat(resolved.status()).isEqualTo(409);
        assertThat(resolved.json().get("code").asString()).isEqualTo("alert_not_shelvable");
        assertThat(events(alertId)).isEqualTo("opened::,resolved::");
    }

    @Test
    void whileShelvedNoReminderOrEscalationIsMailedAndTheAlertComesBackByItself() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "high");
        String alertId = openAlert(site);
        Instant until = Instant.now().plusSeconds(6);
        assertThat(new ServiceClient(port).send("POST", shelvePath(alertId), shelve(until, "burner being tuned", "op"),
                "Authorization", AUTH).status()).isEqualTo(200);

        // Reminders are due after 3 s, the escalation after 4 s: neither while it is shelved.
        await().pollDelay(Duration.between(Instant.now(), until.minusMillis(500))).atMost(WAIT).until(() -> true);
        assertThat(events(alertId)).isEqualTo("opened::,shelved:op:burner being tuned");
        assertThat(mailTo(site.chief())).isEmpty();
        assertThat(mailTo(site.oncall())).hasSize(1);

        await().atMost(WAIT).until(() -> events(alertId).contains("unshelved::shelving ran out"));
        assertThat(Fixtures.countText("SELECT coalesce(shelved_until::text, '-') FROM alerts WHERE alert_id = '" + alertId + "'"))
                .isEqualTo("-");
        await().atMost(WAIT).until(() -> mailTo(site.chief()).size() == 1
                && subjects(mailTo(site.oncall())).stream().anyMatch(s -> s.contains("still open")));
        assertThat(subjects(mailTo(site.chief())).get(0)).startsWith("[SteamBytes] HIGH escalated: " + site.name());
    }

    @Test
    void aShelvedAlertsAcknowledgementAndResolutionAreRecordedButNotMailed() {
        Site site = AlertingTestSupport.site();
        rule(site, "threshold", "above", 12.0, 0.5, 0, null, "medium");
        String alertId = openAlert(site);
        ServiceClient client = new ServiceClient(port);
        client.send("POST", shelvePath(alertId), shelve(Instant.now().plus(Duration.ofHours(1)), "known fault", "op"),
                "Authorization", AUTH);

        client.send("POST", "/internal/v1/alerts/" + alertId + "/acknowledge", "{\"who\": \"op\"}", "Authorization", AUTH);
        publish(redis, site, Instant.now(), 10.0);
        await().atMost(WAIT).until(() -> "resolved".equals(state(alertId)));

        assertThat(events(alertId)).isEqualTo("opened::,shelved:op:known fault,acknowledged:op:,resolved::");
        assertThat(Fixtures.countText("SELECT coalesce(shelved_until::text, '-') || '|' || coalesce(shelve_reason, '-')"
                + " FROM alerts WHERE alert_id = '" + alertId + "'")).as("resolution ends the shelving").isEqualTo("-|-");
        assertThat(Fixtures.countText("SELECT string_agg(coalesce(suppressed_reason, 'sent'), ',' ORDER BY id)"
                + " FROM notification_outbox WHERE alert_id = '" + alertId + "'")).isEqualTo("sent,shelved,shelved");
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertThat(mailTo(site.oncall())).hasSize(1);
    }

    /** An open alert of the site's rule, its opening mailed. */
    private String openAlert(Site site) {
        publish(redis, site, Instant.now().minusSeconds(1), 13.0);
        await().atMost(WAIT).until(() -> mailTo(site.oncall()).size() == 1);
        return Fixtures.countText("SELECT alert_id::text FROM alerts WHERE site_id = '" + site.siteId() + "'");
    }

    private static String shelvePath(String alertId) {
        return "/internal/v1/alerts/" + alertId + "/shelve";
    }

    private static String shelve(Instant until, String reason, String who) {
        return "{\"until\": \"" + until + "\", \"reason\": \"" + reason + "\", \"who\": \"" + who + "\"}";
    }

    private static String state(String alertId) {
        return Fixtures.countText("SELECT state FROM alerts WHERE alert_id = '" + alertId + "'");
    }

    private static String events(String alertId) {
        return Fixtures.countText("SELECT string_agg(transition || ':' || coalesce(actor, '') || ':' || coalesce(note, ''), ','"
                + " ORDER BY id) FROM alert_events WHERE alert_id = '" + alertId + "'");
    }

    static {
        System.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    }
}
