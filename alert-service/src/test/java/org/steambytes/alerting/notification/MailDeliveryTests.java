package org.steambytes.alerting.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.alerting.AlertingTestSupport;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ScriptedSmtpServer;

/**
 * The outbox against an SMTP server that refuses some recipients or the sender, as real relays do. Its
 * own database, so no other test's sender takes these rows (and this one takes none of theirs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailDeliveryTests {

    private static final ScriptedSmtpServer SMTP = ScriptedSmtpServer.start();
    private static final String DATABASE = RealStores.createEmptyDatabase("mail");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        AlertingTestSupport.register(registry, "mail-test-" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("spring.datasource.url", () -> RealStores.jdbcUrl(DATABASE));
        registry.add("spring.mail.port", () -> Integer.toString(SMTP.port()));
        registry.add("steambytes.stream.enabled", () -> "false");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.close();
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxSender sender;

    @Test
    void aRecipientRefusedForGoodDoesNotKeepTheMailFromTheOthers() {
        String site = site();
        SMTP.refuseRecipient("gone-" + site + "@example.com", "550 5.1.1 no such user");
        long id = queue(site, "oncall-" + site + "@example.com", "gone-" + site + "@example.com");

        await().atMost(WAIT).until(() -> !SMTP.deliveriesTo("oncall-" + site + "@example.com").isEmpty());

        assertThat(SMTP.deliveriesTo("oncall-" + site + "@example.com")).singleElement()
                .satisfies(delivery -> assertThat(delivery.recipients()).containsExactly("oncall-" + site + "@example.com"));
        await().atMost(WAIT).until(() -> row(id, "sent_at IS NOT NULL"));
        assertThat(jdbc.sql("SELECT last_error FROM notification_outbox WHERE id = ?").param(id).query(String.class).single())
                .contains("gone-" + site + "@example.com").contains("550");
    }

    @Test
    void aRecipientAskingToWaitHoldsBackOnlyItsOwnSite() {
        String full = site();
        String other = site();
        SMTP.refuseRecipient("full-" + full + "@example.com", "452 4.2.2 mailbox full");
        long waiting = queue(full, "full-" + full + "@example.com");
        long behindIt = queue(full, "oncall-" + full + "@example.com");
        queue(other, "oncall-" + other + "@example.com");

        await().atMost(WAIT).until(() -> !SMTP.deliveriesTo("oncall-" + other + "@example.com").isEmpty());

        assertThat(row(waiting, "sent_at IS NULL AND suppressed_reason IS NULL AND attempts >= 1")).isTrue();
        assertThat(row(behindIt, "sent_at IS NULL")).as("a site's mail keeps its order").isTrue();

        SMTP.refuseRecipient("full-" + full + "@example.com", null);
        await().atMost(WAIT).until(() -> !SMTP.deliveriesTo("oncall-" + full + "@example.com").isEmpty());
        assertThat(SMTP.deliveriesTo("full-" + full + "@example.com")).hasSize(1);
    }

    @Test
    void aServerRefusingTheSenderKeepsEveryMessageUntilItAcceptsAgain() {
        String site = site();
        SMTP.refuseSender("530 5.7.0 Must issue a STARTTLS command first");
        try {
            long first = queue(site, "oncall-" + site + "@example.com");
            long second = queue(site, "oncall-" + site + "@example.com");
            await().atMost(WAIT).until(() -> row(first, "attempts >= 2"));
            assertThat(row(first, "suppressed_reason IS NULL AND sent_at IS NULL")).as("not thrown away").isTrue();
            assertThat(row(second, "suppressed_reason IS NULL AND sent_at IS NULL")).isTrue();
        } finally {
            SMTP.refuseSender(null);
        }
        await().atMost(WAIT).until(() -> SMTP.deliveriesTo("oncall-" + site + "@example.com").size() == 2);
    }

    @Test
    void aRelayRefusingUsAtTheRecipientKeepsTheMessageUntilItAcceptsAgain() {
        String site = site();
        String oncall = "oncall-" + site + "@example.com";
        SMTP.refuseRecipient(oncall, "554 5.7.1 <" + oncall + ">: Relay access denied");
        long id = queue(site, oncall);
        await().atMost(WAIT).until(() -> row(id, "attempts >= 2"));
        assertThat(row(id, "suppressed_reason IS NULL AND sent_at IS NULL")).as("our policy problem, not the message's")
                .isTrue();

        SMTP.refuseRecipient(oncall, null);
        await().atMost(WAIT).until(() -> SMTP.deliveriesTo(oncall).size() == 1);
    }

    @Test
    void aMessageSentAgainAfterACrashBeforeItsMarkCarriesTheSameMessageId() {
        String site = site();
        long id = queue(site, "oncall-" + site + "@example.com");
        await().atMost(WAIT).until(() -> row(id, "sent_at IS NOT NULL"));
        // The server took it, then the sender died before its commit: the row is still unsent.
        jdbc.sql("UPDATE notification_outbox SET sent_at = NULL WHERE id = ?").param(id).update();
        sender.wake();

        await().atMost(WAIT).until(() -> SMTP.deliveriesTo("oncall-" + site + "@example.com").size() == 2);
        String messageId = jdbc.sql("SELECT message_id FROM notification_outbox WHERE id = ?").param(id)
                .query(String.class).single();
        assertThat(SMTP.deliveriesTo("oncall-" + site + "@example.com"))
                .allSatisfy(delivery -> assertThat(delivery.data()).contains("Message-ID: " + messageId));
    }

    private String site() {
        String site = "plant-" + UUID.randomUUID().toString().substring(0, 13);
        jdbc.sql("INSERT INTO sites (site_id, name, timezone) VALUES (?, ?, 'Europe/Berlin')").params(site, site).update();
        return site;
    }

    private long queue(String site, String... recipients) {
        long id = jdbc.sql("INSERT INTO notification_outbox (message_id, site_id, kind, recipients, subject, body)"
                        + " VALUES (?, ?, 'transition', ?, 'Test alert', 'body') RETURNING id")
                .params("<test." + UUID.randomUUID() + "@steambytes>", site, recipients).query(Long.class).single();
        sender.wake();
        return id;
    }

    private boolean row(long id, String condition) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE id = ? AND " + condition).param(id)
                .query(Long.class).single() == 1;
    }
}
