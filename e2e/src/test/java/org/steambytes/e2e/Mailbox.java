package org.steambytes.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** The on-call staff's mail server: a real SMTP server (GreenMail) in the test JVM that alert-service sends to. */
final class Mailbox implements AutoCloseable {

    /** An e-mail as the recipient reads it. */
    record Mail(String subject, String body, List<String> recipients, String messageId) {
    }

    private final GreenMail smtp;

    private Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    static Mailbox start() {
        GreenMail smtp = new GreenMail(new ServerSetup(FreePort.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return new Mailbox(smtp);
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return smtp.getSmtp().getPort();
    }

    /** Every e-mail received so far that names {@code address} among its recipients. */
    List<Mail> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).map(Mailbox::read)
                .filter(mail -> mail.recipients().stream().anyMatch(address::equalsIgnoreCase)).toList();
    }

    private static Mail read(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            List<String> recipients = to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
            return new Mail(message.getSubject(), String.valueOf(message.getContent()).replace("\r\n", "\n"), recipients,
                    message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
