package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.TcpProxy;

/**
 * The InfluxDB adapter against the real server (scripts/services-up), in this run's own database:
 * the reading-store contract, and what only InfluxDB has (its database, its token).
 */
class InfluxReadingStoreTests extends ReadingStoreContract {

    private InfluxReadingStore store;

    @BeforeAll
    void connect() {
        store = InfluxReadingStore.connect(settings(RealStores.influxUrl(), RealStores.runInfluxDatabase(), null));
    }

    @AfterAll
    void close() {
        store.close();
    }

    @Override
    protected ReadingStore store() {
        return store;
    }

    @Override
    protected ReadingStore storeAt(int refusingPort) {
        return InfluxReadingStore.connect(settings("http://127.0.0.1:" + refusingPort, RealStores.runInfluxDatabase(),
                null));
    }

    @Test
    void createsItsDatabaseWhenMissing() {
        String database = "sensor_data_created_" + UUID.randomUUID().toString().replace("-", "");
        try (InfluxReadingStore fresh = InfluxReadingStore.connect(settings(RealStores.influxUrl(), database, null))) {
            fresh.write(List.of(new Reading("plant-a", "p", "steam_pressure", 1, T0)));
            assertThat(fresh.findReadings("plant-a", "p", T0, T0.plusMillis(1))).hasSize(1);
            assertThat(RealStores.influxQuery("SHOW DATABASES")).contains(database);
        } finally {
            RealStores.influxQuery("DROP DATABASE \"" + database + "\"");
        }
    }

    @Test
    void sendsTheTokenAsAuthorizationHeaderWhenSet() {
        try (TcpProxy wire = TcpProxy.to(RealStores.influxUri().getHost(), RealStores.influxUri().getPort());
             InfluxReadingStore withToken = InfluxReadingStore.connect(
                     settings("http://127.0.0.1:" + wire.port(), RealStores.runInfluxDatabase(), "s3cret-token"))) {
            withToken.write(List.of(new Reading("plant-" + UUID.randomUUID(), "p", "steam_pressure", 1, T0)));
            assertThat(wire.clientTraffic()).contains("Authorization: Token s3cret-token")
                    .contains("POST /write?").contains("precision=ms");
        }
    }

    private static InfluxSettings settings(String url, String database, String token) {
        return new InfluxSettings(url, token, "steambytes", database, Duration.ofSeconds(5));
    }
}
