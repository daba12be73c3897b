import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One URL asked at a fixed rate (an open loop: requests go out on schedule whether or not the earlier ones
 * were answered, so a slow answer cannot hide behind a waiting client, unlike wrk's closed loop), the
 * latency of each measured from its scheduled send time. Prints p50 / p99 / max and the non-2xx count.
 *
 *   java bench/api/FixedRate.java URL API_KEY RATE SECONDS [REDIS_HOST:PORT CHANNEL MESSAGE...]
 *
 * With a Redis channel and messages, each request is preceded by PUBLISHing them (frontend-api's changes
 * channel: "callers" and "site:<id>" empty its in-memory callers and site caches, docs/ARCHITECTURE.md)
 * and a 2 ms pause for the replica to hear them: every request then reads the API key and the site's
 * sensors from PostgreSQL again — the in-memory caches cold.
 */
public class FixedRate {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String key = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        Publisher publisher = args.length > 5 ? new Publisher(args[4], args[5], List.of(args).subList(6, args.length)) : null;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("X-API-Key", key).timeout(Duration.ofSeconds(10)).GET().build();
        int total = rate * seconds;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(total));
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        int[] bad = new int[1];
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNs = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNs;
            clock.schedule(() -> {
                if (publisher != null) {
                    publisher.publish();
                }
                pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    latencies.add(System.nanoTime() - due);
                    if (failure != null || response.statusCode() / 100 != 2) {
                        synchronized (bad) {
                            bad[0]++;
                        }
                    }
                }));
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        clock.shutdown();
        clock.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("RESULT requests=%d rate=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d%n", sorted.size(), rate,
                at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, bad[0]);
        System.exit(0);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    /** PUBLISH over a plain RESP connection (no client library: the bench runs as a single source file). */
    static final class Publisher {
        private final Socket socket;
        private final OutputStream out;
        private final byte[] commands;

        Publisher(String hostPort, String channel, List<String> messages) throws Exception {
            String[] parts = hostPort.split(":");
            socket = new Socket(parts[0], Integer.parseInt(parts[1]));
            out = socket.getOutputStream();
            StringBuilder resp = new StringBuilder();
            for (String message : messages) {
                resp.append("*3\r\n");
                for (String word : List.of("PUBLISH", channel, message)) {
                    resp.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
                }
            }
            commands = resp.toString().getBytes(StandardCharsets.UTF_8);
            Thread drain = new Thread(() -> { // the replies (subscriber counts) are read and dropped
                try {
                    socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (Exception closed) {
                    // the bench is over
                }
            });
            drain.setDaemon(true);
            drain.start();
        }

        synchronized void publish() {
            try {
                out.write(commands);
                out.flush();
                Thread.sleep(2);
            } catch (Exception e) {
                throw new IllegalStateException("PUBLISH failed", e);
            }
        }
    }
}
