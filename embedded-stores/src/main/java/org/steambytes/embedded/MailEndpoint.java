package org.steambytes.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /mail}: the caught e-mails as JSON, newest first ({@code message_id}, {@code from}, {@code to},
 * {@code subject}, {@code text}, {@code received_at}); {@code GET /health}: 200 once every store answers.
 * On 127.0.0.1 only; frontend-web's admin page {@code /admin/mail} shows the list (MAIL_CATCHER_URL).
 */
final class MailEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailEndpoint.class);

    private final HttpServer server;

    private MailEndpoint(HttpServer server) {
        this.server = server;
    }

    static MailEndpoint start(int port, MailCatcher catcher) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/mail", exchange -> {
            try {
                respond(exchange, 200, Json.mails(catcher.caught()));
            } catch (Exception e) {
                log.warn("Listing the caught e-mails failed", e);
                respond(exchange, 500, "{\"error\":" + Json.string(e.toString()) + "}");
            }
        });
        server.createContext("/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.start();
        return new MailEndpoint(server);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
