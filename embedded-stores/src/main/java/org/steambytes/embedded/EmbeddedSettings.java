package org.steambytes.embedded;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the embedded stores need to know, from the environment (docs/OPERATIONS.md "Embedded mode").
 * A port of 0 means "the default if it is free, else any free port", chosen when that store starts, after a
 * leftover of a killed predecessor has let go of it ({@link Ports}).
 *
 * @param dataDir        where every store keeps its data ({@code EMBEDDED_DATA_DIR}, default {@code data})
 * @param postgresPort   {@code EMBEDDED_POSTGRES_PORT}, default 15432
 * @param redisPort      {@code EMBEDDED_REDIS_PORT}, default 16379
 * @param smtpPort       {@code EMBEDDED_SMTP_PORT}, default 2525
 * @param mailHttpPort   {@code EMBEDDED_MAIL_HTTP_PORT}, default 8025: the caught e-mails as JSON
 * @param database       {@code POSTGRES_DB}, as the services read it (§3)
 * @param user           {@code POSTGRES_USER}
 * @param password       {@code DB_PASSWORD}
 */
public record EmbeddedSettings(Path dataDir, int postgresPort, int redisPort, int smtpPort, int mailHttpPort,
                               String database, String user, String password) {

    static final int DEFAULT_POSTGRES_PORT = 15432;
    static final int DEFAULT_REDIS_PORT = 16379;
    static final int DEFAULT_SMTP_PORT = 2525;
    static final int DEFAULT_MAIL_HTTP_PORT = 8025;

    public static EmbeddedSettings fromEnvironment(Map<String, String> env) {
        return new EmbeddedSettings(
                Path.of(env.getOrDefault("EMBEDDED_DATA_DIR", "data")).toAbsolutePath(),
                Ports.configured(env.get("EMBEDDED_POSTGRES_PORT")),
                Ports.configured(env.get("EMBEDDED_REDIS_PORT")),
                Ports.configured(env.get("EMBEDDED_SMTP_PORT")),
                Ports.configured(env.get("EMBEDDED_MAIL_HTTP_PORT")),
                env.getOrDefault("POSTGRES_DB", "steambytes_core"),
                env.getOrDefault("POSTGRES_USER", "steambytes"),
                env.getOrDefault("DB_PASSWORD", "steambytes"));
    }

    /** The same settings on any free ports under {@code dataDir}: for tests. */
    public static EmbeddedSettings onFreePorts(Path dataDir) {
        return new EmbeddedSettings(dataDir.toAbsolutePath(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                "steambytes_core", "steambytes", "steambytes");
    }
}
