package org.steambytes.dashboard.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.steambytes.common.security.UserTokens;

/**
 * Signs a user's token once and reuses it for a minute less than it lives, so a page's calls do
 * not each cost an HMAC and every token still has a minute to spare when frontend-api reads it.
 */
@Component
class UserTokenCache {

    static final Duration REUSE_FOR = UserTokens.LIFETIME.minusMinutes(1);
    private static final int MAX_USERS = 10_000;

    private record Issued(String token, Instant at) {
    }

    private final UserTokens tokens;
    private final Clock clock;
    private final Map<String, Issued> byUser = new ConcurrentHashMap<>();

    UserTokenCache(UserTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    String tokenFor(String username) {
        Instant now = clock.instant();
        Issued issued = byUser.get(username);
        if (issued == null || issued.at().plus(REUSE_FOR).isBefore(now) || issued.at().isAfter(now)) {
            if (byUser.size() >= MAX_USERS) {
                byUser.values().removeIf(old -> old.at().plus(REUSE_FOR).isBefore(now));
            }
            issued = new Issued(tokens.issue(username), now);
            byUser.put(username, issued);
        }
        return issued.token();
    }
}
