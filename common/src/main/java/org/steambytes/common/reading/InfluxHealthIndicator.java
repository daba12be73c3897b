package org.steambytes.common.reading;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Readiness of the readings history: InfluxDB answers {@code /ping}. Registered as "influx". */
public final class InfluxHealthIndicator extends AbstractHealthIndicator {

    private final InfluxReadingStore store;

    public InfluxHealthIndicator(InfluxReadingStore store) {
        super("InfluxDB health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (store.isAvailable()) {
            builder.up().withDetail("database", store.database());
        } else {
            builder.down().withDetail("error", "InfluxDB does not answer /ping");
        }
    }
}
