package org.steambytes.dashboard.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.steambytes.dashboard.DashboardProperties;

/**
 * Counts failed sign-ins per user name and per address in Redis (so every replica sees them) under
 * {@code frontend_web:login_failures:…}. Past the free failures, the next attempt must wait a delay
 * that doubles with each further failure; an attempt during the wait is refused before the password
 * is even checked, so guessing gains nothing from it.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final String PREFIX = "frontend_web:login_failures:";

    private final StringRedisTemplate redis;
    private final DashboardProperties.Login settings;
    private final Clock clock;

    LoginThrottle(StringRedisTemplate redis, DashboardProperties properties, Clock clock) {
        this.redis = redis;
        this.settings = properties.login();
        this.clock = clock;
    }

    /** How long this user name or address must still wait before its next attempt (zero: it may try now). */
    Duration waitBefore(String username, String address) {
        Duration user = wait(userKey(username), settings.freeFailuresPerUser());
        Duration addr = wait(addressKey(address), settings.freeFailuresPerAddress());
        return user.compareTo(addr) >= 0 ? user : addr;
    }

    void failed(String username, String address) {
        record(userKey(username));
        record(addressKey(address));
    }

    /** A user's successful sign-in clears the user's count (the address's count decays by itself). */
    void succeeded(String username) {
        try {
            redis.delete(userKey(username));
        } catch (RuntimeException e) {
            log.warn("Could not clear the failed sign-ins of {}: {}", username, e.getMessage());
        }
    }

    private Duration wait(String key, int free) {
        List<Object> state;
        try {
            state = redis.opsForHash().multiGet(key, List.of("count", "last_ms"));
        } catch (RuntimeException e) {
            // Without Redis there are no sessions either; do not lock everyone out on top of that.
            log.warn("Sign-in throttle unavailable: {}", e.getMessage());
            return Duration.ZERO;
        }
        if (state.get(0) == null || state.get(1) == null) {
            return Duration.ZERO;
        }
        long count = Long.parseLong((String) state.get(0));
        if (count < free) {
            return Duration.ZERO;
        }
        Duration delay = delayAfter(count - free);
        Instant allowedAt = Instant.ofEpochMilli(Long.parseLong((String) state.get(1))).plus(delay);
        Duration left = Duration.between(clock.instant(), allowedAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** {@code firstDelay} after the last free failure, doubling for each failure beyond it, at most {@code maxDelay}. */
    Duration delayAfter(long excess) {
        Duration delay = settings.firstDelay();
        for (long i = 0; i < excess && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private void record(String key) {
        try {
            redis.opsForHash().increment(key, "count", 1);
            redis.opsForHash().put(key, "last_ms", Long.toString(clock.millis()));
            redis.expire(key, settings.forgetAfter());
        } catch (RuntimeException e) {
            log.warn("Could not count a failed sign-in: {}", e.getMessage());
        }
    }

    private static String userKey(String username) {
        return PREFIX + "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return PREFIX + "address:" + address;
    }
}
