package org.steambytes.alerting.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
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
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.steambytes.alerting.AlertingProperties;
import org.steambytes.alerting.worker.BackgroundWorker;

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

    private boolean sendOldest() {
        if (!JobLocks.tryLock(jdbc, "alert-service:outbox")) {
            return false; // another replica is sending
        }
        List<Pending> head = jdbc.sql("SELECT id, message_id, recipients, subject, body, attempts, next_attempt_at"
                        + " FROM notification_outbox WHERE sent_at IS NULL AND suppressed_reason IS NULL ORDER BY id LIMIT 1")
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getString("message_id"),
                        strings(rs.getArray("recipients")), rs.getString("subject"), rs.getString("body"),
                        rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant()))
                .list();
        if (head.isEmpty() || head.get(0).nextAttemptAt().isAfter(clock.instant())) {
            return false;
        }
        Pending message = head.get(0);
        try {
            mail.send(mime(message));
        } catch (MessagingException | RuntimeException e) {
            if (permanent(e)) {
                // The server refused this message for good (bad address, 5xx) or it cannot be built:
                // set it aside, or it would hold back every e-mail behind it forever.
                jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?,"
                                + " suppressed_reason = 'undeliverable' WHERE id = ?")
                        .params(abbreviate(e.toString()), message.id()).update();
                failed.increment();
                log.error("E-mail {} is undeliverable and set aside: {}", message.messageId(), e.toString());
                return true;
            }
            Duration backOff = backOff(message.attempts());
            jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(abbreviate(e.toString()), Timestamp.from(clock.instant().plus(backOff)), message.id()).update();
            failed.increment();
            log.warn("E-mail {} not accepted by the SMTP server (attempt {}), retrying in {}: {}", message.messageId(),
                    message.attempts() + 1, backOff, e.toString());
            return false;
        }
        jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(clock.instant()), message.id()).update();
        sent.increment();
        return true;
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

    /**
     * Permanent: the server answered 5xx or refused the addresses, or the message itself is broken.
     * Everything else (no connection, timeouts, 4xx) is the server being away: wait and retry.
     */
    static boolean permanent(Exception e) {
        if (!(e instanceof MailException) && !(e instanceof MessagingException)) {
            return true; // not the server's doing: retrying the same row would fail the same way
        }
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return true;
        }
        if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().stream().allMatch(OutboxSender::refusedForGood);
        }
        return refusedForGood(e);
    }

    private static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof AddressException) {
                return true;
            }
            if (cause instanceof SendFailedException) {
                Integer code = returnCode(cause);
                return code == null || code >= 500;
            }
        }
        return false;
    }

    /** The SMTP reply code Angus Mail attaches to its failures (SMTPAddressFailedException & co.), if any. */
    private static Integer returnCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            try {
                if (cause.getClass().getMethod("getReturnCode").invoke(cause) instanceof Integer code && code > 0) {
                    return code;
                }
            } catch (ReflectiveOperationException notSmtp) {
                // not an SMTP failure with a code
            }
        }
        return null;
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause instanceof MessagingException messaging && messaging.getNextException() != null
                ? messaging.getNextException() : cause.getCause();
        return next == cause ? null : next;
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
