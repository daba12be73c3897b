package org.steambytes.ingestion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.steambytes.testsupport.ServiceClient;

/**
 * Gateways posting batches of distinct readings from several threads, remembering exactly which
 * readings got a 202, so a test can check each of those is stored once, whatever happened meanwhile.
 */
final class GatewayLoad implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final Set<Long> acceptedTimestamps = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextTimestamp;
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final AtomicLong slowestMillis = new AtomicLong();
    private volatile boolean running = true;
    private volatile int port;

    GatewayLoad(int port, String token, String sensorId, int threadCount, int batchSize) {
        this.port = port;
        this.nextTimestamp = new AtomicLong(Instant.now().minusSeconds(3600).toEpochMilli());
        for (int t = 0; t < threadCount; t++) {
            Thread thread = new Thread(() -> {
                while (running) {
                    long first = nextTimestamp.getAndAdd(batchSize);
                    StringBuilder body = new StringBuilder("{\"readings\": [");
                    for (int i = 0; i < batchSize; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"sensor_id\": \"").append(sensorId)
                                .append("\", \"value\": ").append(i % 50).append(", \"timestamp\": ")
                                .append(first + i).append('}');
                    }
                    body.append("]}");
                    long started = System.nanoTime();
                    try {
                        ServiceClient.Answer answer = new ServiceClient(this.port).post("/api/v1/readings",
                                "Bearer " + token, "application/json", body.toString());
                        statuses.computeIfAbsent(answer.status(), k -> new AtomicInteger()).incrementAndGet();
                        slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                        if (answer.status() == 202) {
                            for (int i = 0; i < batchSize; i++) {
                                acceptedTimestamps.add(first + i);
                            }
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        refused.incrementAndGet(); // connection refused or cut: not accepted
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
            }, "gateway-load-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void retarget(int newPort) {
        this.port = newPort;
    }

    Set<Long> acceptedTimestamps() {
        return acceptedTimestamps;
    }

    int refused() {
        return refused.get();
    }

    /** Answers by status and the slowest answer, for the test log. */
    String summary() {
        return "statuses " + statuses + ", not answered/refused " + refused + ", slowest " + slowestMillis + " ms";
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
