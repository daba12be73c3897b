package org.steambytes.alerting.notification;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.Arrays;
import java.util.List;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * What a failed send means for its outbox row. A refusal of one message or one recipient must not
 * hold back the other sites' mail, and a refusal of everything (the server away, our login or sender
 * address refused) must not throw every message away.
 */
enum SmtpFailure {

    /** Some recipients took it ({@code mail.smtp.sendpartial}): it is sent; the others are noted. */
    DELIVERED_TO_SOME,
    /** This message can never go (broken, or every recipient refused for good): set it aside. */
    UNDELIVERABLE,
    /** This message, not now (a recipient's 4xx): it waits and retries; other sites' mail goes on. */
    RETRY_THIS,
    /**
     * The server is away or refuses everything we send: the message waits with back-off and the run
     * stops (the next run tries the next due message, so an outage costs one attempt per site and round).
     */
    SERVER_AWAY;

    /** An enhanced status code of class 5.7 (security or policy), e.g. "554 5.7.1 Relay access denied". */
    private static final java.util.regex.Pattern POLICY = java.util.regex.Pattern.compile("\\b5\\.7\\.\\d{1,3}\\b");

    /** The failure and the recipients it concerns, as far as the SMTP exchange said. */
    record Classified(SmtpFailure failure, List<String> delivered, List<String> notDelivered, String reason) {
    }

    static Classified of(Exception e) {
        if (!(e instanceof MailException) && !(e instanceof MessagingException)
                || e instanceof MailParseException || e instanceof MailPreparationException) {
            return new Classified(UNDELIVERABLE, List.of(), List.of(), e.toString());
        }
        List<Throwable> failures = e instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                ? List.copyOf(send.getFailedMessages().values()) : List.of(e);
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = next(cause)) {
                if (cause instanceof AddressException) {
                    return new Classified(UNDELIVERABLE, List.of(), List.of(), cause.toString());
                }
                if (cause instanceof AuthenticationFailedException) {
                    return new Classified(SERVER_AWAY, List.of(), List.of(), cause.toString());
                }
                if (cause instanceof SendFailedException refused) {
                    return refusal(refused);
                }
            }
        }
        return new Classified(SERVER_AWAY, List.of(), List.of(), e.toString());
    }

    private static Classified refusal(SendFailedException refused) {
        List<String> sent = addresses(refused.getValidSentAddresses());
        List<String> unsent = addresses(refused.getValidUnsentAddresses());
        List<String> invalid = addresses(refused.getInvalidAddresses());
        String reason = refused.toString() + detail(refused);
        if (!sent.isEmpty()) {
            return new Classified(DELIVERED_TO_SOME, sent, concat(unsent, invalid), reason);
        }
        String command = command(refused);
        Integer code = returnCode(refused);
        if (command != null && command.toUpperCase(java.util.Locale.ROOT).startsWith("MAIL")) {
            return new Classified(SERVER_AWAY, List.of(), List.of(), reason); // our sender or relay refused
        }
        if (code != null && code >= 500 && POLICY.matcher(reason).find()) {
            // 5.7.x is the server's policy about us (relay access denied, authentication required),
            // whatever the command: it refuses every message alike, none of them is at fault.
            return new Classified(SERVER_AWAY, List.of(), List.of(), reason);
        }
        if (code != null && code >= 500) {
            return new Classified(UNDELIVERABLE, List.of(), concat(unsent, invalid), reason);
        }
        return new Classified(code == null ? SERVER_AWAY : RETRY_THIS, List.of(), concat(unsent, invalid), reason);
    }

    /** The recipients' own refusals (their SMTP replies), chained behind the summary exception. */
    private static String detail(SendFailedException refused) {
        StringBuilder detail = new StringBuilder();
        for (Throwable cause = next(refused); cause != null; cause = next(cause)) {
            detail.append("; ").append(cause.getMessage() == null ? cause.toString() : cause.getMessage().strip());
        }
        return detail.toString();
    }

    /** The SMTP command and reply code Angus Mail attaches to its failures (SMTPSendFailedException & co.). */
    private static String command(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (invoke(cause, "getCommand") instanceof String command && !command.isBlank()) {
                return command;
            }
        }
        return null;
    }

    static Integer returnCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (invoke(cause, "getReturnCode") instanceof Integer code && code > 0) {
                return code;
            }
        }
        return null;
    }

    private static Object invoke(Throwable cause, String getter) {
        try {
            return cause.getClass().getMethod(getter).invoke(cause);
        } catch (ReflectiveOperationException notSmtp) {
            return null;
        }
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause instanceof MessagingException messaging && messaging.getNextException() != null
                ? messaging.getNextException() : cause.getCause();
        return next == cause ? null : next;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).distinct().toList();
    }
}
