package org.steambytes.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server on a loopback port whose refusals a test chooses, for what GreenMail cannot do:
 * refuse one recipient with 550 or 452 while taking the others, or refuse the sender (530, as a relay
 * wanting STARTTLS or a login does). Everything else is answered as a plain accepting server; the
 * messages taken are kept with the recipients they were taken for.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** A message the server took: the accepted recipients and the DATA as sent. */
    public record Delivery(List<String> recipients, String data) {
    }

    private final ServerSocket server;
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private volatile String senderReply;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(ServerSocket server) {
        this.server = server;
    }

    public static ScriptedSmtpServer start() {
        try {
            ScriptedSmtpServer smtp = new ScriptedSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(smtp::accept, "scripted-smtp-" + smtp.port());
            acceptor.setDaemon(true);
            acceptor.start();
            return smtp;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen for SMTP", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code RCPT TO:<address>} is answered with {@code reply} (e.g. "550 5.1.1 no such user"; null: accepted again). */
    public ScriptedSmtpServer refuseRecipient(String address, String reply) {
        if (reply == null) {
            recipientReplies.remove(address.toLowerCase(Locale.ROOT));
        } else {
            recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        }
        return this;
    }

    /** {@code MAIL FROM} is answered with {@code reply} (null: accepted again). */
    public ScriptedSmtpServer refuseSender(String reply) {
        senderReply = reply;
        return this;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    public List<Delivery> deliveriesTo(String recipient) {
        return deliveries.stream().filter(delivery -> delivery.recipients().contains(recipient.toLowerCase(Locale.ROOT)))
                .toList();
    }

    @Override
    public void close() {
        TcpProxy.closeQuietly(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = client.getOutputStream()) {
            reply(out, "220 scripted-smtp ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-scripted-smtp\r\n250 8BITMIME");
                } else if (command.startsWith("HELO") || command.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, senderReply == null ? "250 OK" : senderReply);
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                    String refusal = recipientReplies.get(address);
                    if (refusal == null) {
                        recipients.add(address);
                    }
                    reply(out, refusal == null ? "250 OK" : refusal);
                } else if (command.startsWith("DATA")) {
                    if (recipients.isEmpty()) {
                        reply(out, "554 no valid recipients");
                        continue;
                    }
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                    }
                    deliveries.add(new Delivery(List.copyOf(recipients), data.toString()));
                    recipients.clear();
                    reply(out, "250 OK queued");
                } else if (command.startsWith("RSET")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
