package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.RefusingPort;
import org.steambytes.testsupport.TcpProxy;

/** The InfluxDB adapter against the real server (scripts/services-up), in this run's own database. */
class InfluxReadingStoreTests {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123Z");
    private static InfluxReadingStore store;

    @BeforeAll
    static void connect() {
        store = InfluxReadingStore.connect(settings(RealStores.influxUrl(), RealStores.runInfluxDatabase(), null));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void roundTripsReadingsWithSpacesCommasAndEqualsSignsInTags() {
        String site = "plant a,b=c " + UUID.randomUUID();
        List<Reading> written = List.of(
                new Reading(site, "b1 steam,pressure=main", "steam_pressure", 10.4, T0),
                new Reading(site, "b1 steam,pressure=main", "steam_pressure", 10.5, T0.plusMillis(1)),
                new Reading(site, "b1 steam,pressure=main", "steam_pressure", 1.0e12, T0.plusMillis(999)));

        store.write(written);

        assertThat(store.findReadings(site, "b1 steam,pressure=main", T0, T0.plusSeconds(1)))
                .containsExactlyElementsOf(written);
    }

    @Test
    void readsASitesWindowAsOneSeriesPerSensorInOneQuery() {
        String site = "plant-" + UUID.randomUUID();
        store.write(List.of(
                new Reading(site, "b1-steam-pressure", "steam_pressure", 10.1, T0),
                new Reading(site, "b1-steam-pressure", "steam_pressure", 10.3, T0.plusSeconds(10)),
                new Reading(site, "b1-steam-pressure", "steam_pressure", 10.2, T0.plusSeconds(5)),
                new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature", 182.5, T0.plusSeconds(1)),
                new Reading(site, "b1-flue-gas-temp", "flue_gas_temperature", 190.0, T0.plusSeconds(60)),
                new Reading("other-" + site, "b1-steam-pressure", "steam_pressure", 99, T0.plusSeconds(2))));

        List<SensorSeries> window = store.siteWindow(site, T0, T0.plusSeconds(60));

        assertThat(window).hasSize(2);
        SensorSeries pressure = window.stream().filter(s -> s.sensorId().equals("b1-steam-pressure")).findFirst()
                .orElseThrow();
        assertThat(pressure.sensorType()).isEqualTo("steam_pressure");
        assertThat(pressure.timesMs()).containsExactly(T0.toEpochMilli(), T0.plusSeconds(5).toEpochMilli(),
                T0.plusSeconds(10).toEpochMilli());
        assertThat(pressure.values()).containsExactly(10.1, 10.2, 10.3);
        SensorSeries flue = window.stream().filter(s -> s.sensorId().equals("b1-flue-gas-temp")).findFirst()
                .orElseThrow();
        assertThat(flue.values()).as("the window's end is exclusive").containsExactly(182.5);
        assertThat(store.siteWindow("nobody-" + site, T0, T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void keepsMillisecondsApartAndReadsOnlyTheAskedWindow() {
        String site = "plant-" + UUID.randomUUID();
        store.write(List.of(
                new Reading(site, "level", "drum_water_level", 1, T0.minusMillis(1)),
                new Reading(site, "level", "drum_water_level", 2, T0),
                new Reading(site, "level", "drum_water_level", 3, T0.plusMillis(1)),
                new Reading(site, "level", "drum_water_level", 4, T0.plusMillis(2))));

        assertThat(store.findReadings(site, "level", T0, T0.plusMillis(2)))
                .extracting(Reading::value).containsExactly(2.0, 3.0);
    }

    @Test
    void rewritingTheSamePointReplacesItInsteadOfDuplicating() {
        String site = "plant-" + UUID.randomUUID();
        Reading first = new Reading(site, "b1-o2", "flue_gas_o2", 3.1, T0);
        store.write(List.of(first));
        store.write(List.of(first));
        store.write(List.of(new Reading(site, "b1-o2", "flue_gas_o2", 3.3, T0)));

        assertThat(store.findReadings(site, "b1-o2", T0.minusSeconds(1), T0.plusSeconds(1)))
                .containsExactly(new Reading(site, "b1-o2", "flue_gas_o2", 3.3, T0));
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

    @Test
    void reportsAnUnreachableServerAsUnavailable() {
        try (RefusingPort nothingThere = RefusingPort.reserve();
             InfluxReadingStore unreachable = InfluxReadingStore.connect(
                settings("http://127.0.0.1:" + nothingThere.port(), RealStores.runInfluxDatabase(), null))) {
            assertThat(unreachable.isAvailable()).isFalse();
            assertThatThrownBy(() -> unreachable.write(List.of(new Reading("s", "p", "t", 1, T0))))
                    .isInstanceOf(ReadingStoreUnavailableException.class);
        }
        assertThat(store.isAvailable()).isTrue();
    }

    private static InfluxSettings settings(String url, String database, String token) {
        return new InfluxSettings(url, token, "steambytes", database, Duration.ofSeconds(5));
    }
}
