package org.steambytes.simulator.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server answering {@code POST /api/v1/readings} with scripted statuses, recording every
 * request: for the client's batching and retry behaviour, which the real ingestion cannot be made to show
 * on demand (a 503 with Retry-After, a refused batch). The demo test uses the real ingestion.
 */
public final class IngestionStandIn implements AutoCloseable {

    /** A request as received: its Authorization header and its body. */
    public record Received(String authorization, String body, long atMillis) {
    }

    /** An answer: status, Retry-After (null: none) and body. */
    public record Answer(int status, String retryAfter, String body) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public IngestionStandIn(Answer... answers) {
        script.addAll(List.of(answers));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/readings", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body,
                    System.currentTimeMillis()));
            Answer answer;
            synchronized (script) {
                answer = script.isEmpty() ? new Answer(202, null, "{\"accepted\": 1}") : script.poll();
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.getResponseHeaders().add("Content-Type", answer.status() < 300 ? "application/json"
                    : "application/problem+json");
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
