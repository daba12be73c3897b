package org.steambytes.embedded;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An SMTP server on 127.0.0.1 that accepts every message for anyone and keeps it in memory, so a newcomer
 * sees alert-service's e-mails arrive without a mail server (docs/ARCHITECTURE.md §6). A restart of the
 * embedded stores forgets them; alert-service's outbox still records every message sent.
 */
final class MailCatcher implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private MailCatcher(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    static MailCatcher start(EmbeddedSettings settings) {
        int port = Ports.choose(settings.smtpPort(), EmbeddedSettings.DEFAULT_SMTP_PORT);
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(10_000);
        GreenMail greenMail = new GreenMail(smtp);
        greenMail.start();
        return new MailCatcher(greenMail, port);
    }

    int port() {
        return port;
    }

    /** Every caught message once (GreenMail keeps a copy per recipient), newest first. */
    List<CaughtMail> caught() throws MessagingException, IOException {
        Map<String, CaughtMail> byMessageId = new LinkedHashMap<>();
        List<StoredMessage> stored = greenMail.getManagers().getImapHostManager().getAllMessages();
        for (StoredMessage message : stored) {
            MimeMessage mime = message.getMimeMessage();
            String id = mime.getMessageID() != null ? mime.getMessageID() : "uid-" + message.getUid();
            if (!byMessageId.containsKey(id)) {
                byMessageId.put(id, toCaughtMail(id, mime, message.getReceivedDate().toInstant()));
            }
        }
        List<CaughtMail> mails = new ArrayList<>(byMessageId.values());
        mails.sort(Comparator.comparing(CaughtMail::receivedAt).reversed());
        return mails;
    }

    private static CaughtMail toCaughtMail(String id, MimeMessage mime, Instant receivedAt)
            throws MessagingException, IOException {
        Address[] from = mime.getFrom();
        Address[] to = mime.getAllRecipients();
        return new CaughtMail(id,
                from == null || from.length == 0 ? "" : from[0].toString(),
                to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                mime.getSubject() == null ? "" : mime.getSubject(),
                textOf(mime).replace("\r\n", "\n"), // SMTP's line ends
                receivedAt);
    }

    /** The plain-text part, else the HTML part without its tags. */
    static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = textOf(body);
                if (body.isMimeType("text/html")) {
                    html = html == null ? text : html;
                } else if (!text.isEmpty()) {
                    return text;
                }
            }
            return html == null ? "" : html;
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent()).replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ").strip();
        }
        return "";
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
