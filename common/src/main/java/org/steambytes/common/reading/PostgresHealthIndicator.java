package org.steambytes.common.reading;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness of the readings history when it is PostgreSQL: the {@code readings} table answers.
 * Registered as "postgres", the store's name, as InfluxDB's is "influx" (docs/ARCHITECTURE.md "Health").
 */
public final class PostgresHealthIndicator extends AbstractHealthIndicator {

    private final PostgresReadingStore store;

    public PostgresHealthIndicator(PostgresReadingStore store) {
        super("PostgreSQL readings health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (store.isAvailable()) {
            builder.up().withDetail("table", "readings");
        } else {
            builder.down().withDetail("error", "the readings table does not answer");
        }
    }
}
