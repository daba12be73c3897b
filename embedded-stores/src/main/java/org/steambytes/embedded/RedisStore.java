package org.steambytes.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import redis.embedded.RedisServer;

/**
 * Redis 6.2 from {@code com.github.codemonstur:embedded-redis}, on 127.0.0.1 only, with its append-only
 * file in {@code <data>/redis} so the streams survive a restart (docs/ARCHITECTURE.md §6). Redis is a
 * cache and a bus (§2), so {@code appendfsync everysec} is enough: the readings' truth is elsewhere.
 */
final class RedisStore implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private RedisStore(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static RedisStore start(EmbeddedSettings settings) throws IOException {
        Path dataDir = settings.dataDir().resolve("redis");
        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("redis.pid");
        // SIGTERM makes Redis flush its append-only file and exit.
        LeftoverServer.stop(pidFile, "redis-server", "TERM", Duration.ofSeconds(15));
        int port = Ports.choose(settings.redisPort(), EmbeddedSettings.DEFAULT_REDIS_PORT);
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + dataDir)
                .setting("pidfile " + pidFile)
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .build(); // no logfile: the start waits for Redis to say it is ready on its standard output
        server.start();
        return new RedisStore(server, port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
