package org.steambytes.alerting.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.lock.JobLocks;
import org.steambytes.common.worker.BackgroundWorker;

/**
 * Delivers the outbox in order, on its own thread: at once when a transition of this replica
 * committed, otherwise every {@code poll}. One message per transaction: take the oldest unsent row (with a
 * PostgreSQL advisory lock, so one replica sends at a time and order holds), hand it to the SMTP server
 * with its stored Message-ID, mark it sent, commit. If the server refuses or is away, the row keeps its
 * place, its retry time backs off (doubling up to 5 min), and nothing after it goes first. A message
 * the server refuses for good (5xx, bad address) is set aside as {@code undeliverable} instead, so it
 * cannot hold back the rest. A crash
 * between the server's acceptance and the commit re-sends the same Message-ID, which mail systems
 * recognise as the same message.
 */
@Component
public class OutboxSender extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);
    private static final int PER_RUN = 100;

    private record Pending(long id, String messageId, List<String> recipients, String subject, String body, int attempts,
            Instant nextAttemptAt) {
    }

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final TransactionTemplate transactions;
    private final AlertingProperties properties;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final Semaphore wakeUp = new Semaphore(0);

    OutboxSender(JdbcClient jdbc, JavaMailSender mail, TransactionTemplate transactions, AlertingProperties properties,
            Clock clock, MeterRegistry meters) {
        super("outbox-sender", Duration.ofSeconds(15));
        this.jdbc = jdbc;
        this.mail = mail;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.sent = Counter.builder("steambytes.alerting.mail.sent").register(meters);
        this.failed = Counter.builder("steambytes.alerting.mail.failed").register(meters);
    }

    /** A transition committed in this replica queued mail: send now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    @Override
    protected void stopping() {
        wake();
    }

    /** Polls every {@code poll} (other replicas' mail, retries) and at once when woken. */
    @Override
    protected void work() {
        while (running()) {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Outbox not readable: {}", e.toString());
            }
            try {
                wakeUp.tryAcquire(properties.notification().poll().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends what is due, oldest first, until the outbox is empty or a send fails. */
    public void sendDue() {
        for (int i = 0; i < PER_RUN; i++) {
            Boolean more = transactions.execute(tx -> sendOldest());
            if (!Boolean.TRUE.equals(more)) {
                return;
            }
        }
    }

    /**
     * Sends the oldest due message that is the head of its site's queue (so each site's mail keeps its
     * order, and one site's waiting message holds back only that site). False: nothing more to do now.
     */
    private boolean sendOldest() {
        if (!JobLocks.tryLock(jdbc, "alert-service:outbox")) {
            return false; // another replica is sending
        }
        List<Pending> head = jdbc.sql("SELECT id, message_id, recipients, subject, body, attempts, next_attempt_at"
                        + " FROM notification_outbox o WHERE o.sent_at IS NULL AND o.suppressed_reason IS NULL"
                        + " AND o.next_attempt_at <= ? AND NOT EXISTS (SELECT 1 FROM notification_outbox p"
                        + " WHERE p.sent_at IS NULL AND p.suppressed_reason IS NULL AND p.site_id = o.site_id AND p.id < o.id)"
                        + " ORDER BY o.id LIMIT 1")
                .param(Timestamp.from(clock.instant()))
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("message_id"),
                        strings(rs.getArray("recipients")), rs.getString("subject"), rs.getString("body"),
                        rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant()))
                .list();
        if (head.isEmpty()) {
            return false;
        }
        Pending message = head.get(0);
        try {
            mail.send(mime(message));
        } catch (MessagingException | RuntimeException e) {
            return failed(message, SmtpFailure.of(e));
        }
        markSent(message, null);
        return true;
    }

    /** True when the next message may be tried at once (this failure concerned only this one). */
    private boolean failed(Pending message, SmtpFailure.Classified outcome) {
        failed.increment();
        switch (outcome.failure()) {
            case DELIVERED_TO_SOME -> {
                markSent(message, "not delivered to " + outcome.notDelivered() + ": " + outcome.reason());
                log.error("E-mail {} went to {} but not to {}: {}", message.messageId(), outcome.delivered(),
                        outcome.notDelivered(), outcome.reason());
                return true;
            }
            case UNDELIVERABLE -> {
                // Refused for good (every address, or the message itself): set aside, or it would hold
                // back every later e-mail of its site forever.
                jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?,"
                                + " suppressed_reason = '" + Suppression.UNDELIVERABLE.wireName() + "' WHERE id = ?")
                        .params(abbreviate(outcome.reason()), message.id()).update();
                log.error("E-mail {} is undeliverable and set aside: {}", message.messageId(), outcome.reason());
                return true;
            }
            default -> {
                Duration backOff = backOff(message.attempts());
                jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
                                + " WHERE id = ?")
                        .params(abbreviate(outcome.reason()), Timestamp.from(clock.instant().plus(backOff)), message.id())
                        .update();
                log.warn("E-mail {} not accepted by the SMTP server (attempt {}), retrying in {}: {}", message.messageId(),
                        message.attempts() + 1, backOff, outcome.reason());
                return outcome.failure() == SmtpFailure.RETRY_THIS;
            }
        }
    }

    private void markSent(Pending message, String note) {
        jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, sent_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), note == null ? null : abbreviate(note), message.id()).update();
        sent.increment();
    }

    private MimeMessage mime(Pending message) throws MessagingException {
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(deliverable(message));
        helper.setSubject(message.subject());
        helper.setText(message.body(), false);
        // Kept by JavaMailSenderImpl when it saves the message: the same notification keeps the same id.
        mime.setHeader("Message-ID", message.messageId());
        return mime;
    }

    /** The recipients that are addresses at all; a message with none cannot be sent (AddressException). */
    private InternetAddress[] deliverable(Pending message) throws AddressException {
        List<InternetAddress> addresses = new java.util.ArrayList<>();
        for (String recipient : message.recipients()) {
            try {
                addresses.add(new InternetAddress(recipient, true));
            } catch (AddressException e) {
                log.error("E-mail {}: recipient '{}' is not an address, skipped", message.messageId(), recipient);
            }
        }
        if (addresses.isEmpty()) {
            throw new AddressException("no deliverable recipient in " + message.recipients());
        }
        return addresses.toArray(InternetAddress[]::new);
    }

    private Duration backOff(int attempts) {
        Duration backOff = properties.notification().retry().multipliedBy(1L << Math.min(attempts, 16));
        return backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return java.util.Arrays.stream((String[]) array.getArray()).filter(java.util.Objects::nonNull).toList();
    }
}
