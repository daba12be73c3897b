package org.steambytes.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real stores behind one {@link TcpProxy} each, so a test can take a dependency away from a
 * running service and give it back. Names match the services' health components.
 */
public final class StoreProxies {

    public final TcpProxy postgres;
    public final TcpProxy redis;
    public final TcpProxy influx;

    private StoreProxies() {
        postgres = TcpProxy.to(RealStores.postgresHost(), RealStores.postgresPort());
        redis = TcpProxy.to(RealStores.redisUri().getHost(), port(RealStores.redisUri().getPort(), 6379));
        influx = TcpProxy.to(RealStores.influxUri().getHost(), port(RealStores.influxUri().getPort(), 8086));
    }

    public static StoreProxies start() {
        return new StoreProxies();
    }

    /** The proxy behind a health component name: {@code db}, {@code redis} or {@code influx}. */
    public TcpProxy forComponent(String component) {
        return switch (component) {
            case "db" -> postgres;
            case "redis" -> redis;
            case "influx" -> influx;
            default -> throw new IllegalArgumentException("no proxy for " + component);
        };
    }

    /** The JDBC URL of {@code database} through the PostgreSQL proxy. */
    public String jdbcUrl(String database) {
        return RealStores.jdbcUrl("127.0.0.1", postgres.port(), database);
    }

    public void register(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("spring.datasource.url",
                () -> RealStores.jdbcUrl("127.0.0.1", postgres.port(), RealStores.runDatabase()));
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + redis.port());
        registry.add("steambytes.influx.url", () -> "http://127.0.0.1:" + influx.port());
    }

    private static int port(int port, int fallback) {
        return port > 0 ? port : fallback;
    }
}
