package org.steambytes.dashboard;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.steambytes.common.redis.RedisKeys;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.RealStores;

/** Dashboard users written into the run's database as frontend-api stores them: {@code {bcrypt}} hashes. */
public final class DashboardUsersFixture {

    public static final String PASSWORD = "correct horse battery";
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4); // fast for tests, same format

    private DashboardUsersFixture() {
    }

    /** A new user (unique name) of {@code role} with {@link #PASSWORD}, limited to {@code siteIds}. */
    public static String user(String role, String... siteIds) {
        RealStores.migrateRunDatabase();
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.user(username, role, siteIds);
        Fixtures.execute("UPDATE users SET password_hash = '{bcrypt}" + BCRYPT.encode(PASSWORD)
                + "' WHERE username = '" + username + "'");
        return username;
    }

    /** Disabled by hand in PostgreSQL (no API does it), and announced to frontend-api as an operator would. */
    public static void disable(String username) {
        Fixtures.execute("UPDATE users SET enabled = false WHERE username = '" + username + "'");
        announceCallersChanged();
    }

    /**
     * What docs/OPERATIONS.md asks after changing users or keys by hand: {@code callers} on frontend-api's
     * changes channel, so every replica reads them afresh now rather than within 10 s.
     */
    public static void announceCallersChanged() {
        RedisClient client = RedisClient.create(RealStores.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().publish(RedisKeys.apiChanges(RealStores.runDatabase()), "callers");
        } finally {
            client.shutdown();
        }
    }
}
