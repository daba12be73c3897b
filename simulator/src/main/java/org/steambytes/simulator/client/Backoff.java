package org.steambytes.simulator.client;

import java.time.Duration;

/**
 * Waiting between attempts: the server's {@code Retry-After} when it gave one (docs/API.md: a 503 says
 * when to retry), otherwise 1 s doubling up to 30 s.
 */
public record Backoff(int maxAttempts) {

    static final Duration MAX = Duration.ofSeconds(30);

    public Duration delay(int attempt, long retryAfterSeconds) {
        if (retryAfterSeconds >= 0) {
            return Duration.ofSeconds(Math.min(Math.max(retryAfterSeconds, 1), 120));
        }
        long seconds = 1L << Math.min(attempt - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, MAX.getSeconds()));
    }

    static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
