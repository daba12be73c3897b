package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.BucketInterval;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.TcpProxy;

/**
 * The InfluxDB adapter against the real server (scripts/services-up), in this run's own database:
 * the reading-store contract, and what only InfluxDB has (its database, its token).
 */
class InfluxReadingStoreTests extends ReadingStoreContract {

    private InfluxReadingStore store;
    private final List<InfluxReadingStore> opened = new ArrayList<>();
    private String rollupDatabase;

    @BeforeAll
    void connect() {
        store = InfluxReadingStore.connect(settings(RealStores.influxUrl(), RealStores.runInfluxDatabase(), null));
    }

    @AfterAll
    void close() {
        store.close();
        opened.forEach(InfluxReadingStore::close);
        if (rollupDatabase != null) {
            RealStores.influxQuery("DROP DATABASE \"" + rollupDatabase + "\"");
        }
    }

    /** A database of its own: its default policy gets the raw retention, which would drop the contract's old readings. */
    @Override
    protected ReadingStore storeWith(Retention retention, Clock clock) {
        if (rollupDatabase == null) {
            rollupDatabase = RealStores.runInfluxDatabase() + "_rollups";
        }
        InfluxReadingStore withRetention = InfluxReadingStore.connect(settings(RealStores.influxUrl(), rollupDatabase,
                null), retention, clock);
        opened.add(withRetention);
        return withRetention;
    }

    @Test
    void keepsItsRetentionPoliciesAtTheRetentionOfEachResolution() {
        String database = "sensor_data_policies_" + UUID.randomUUID().toString().replace("-", "");
        try (InfluxReadingStore first = InfluxReadingStore.connect(settings(RealStores.influxUrl(), database, null),
                     RETENTION, Clock.systemUTC())) {
            assertThat(first.isAvailable()).isTrue();
            assertThat(policies(database)).containsExactlyInAnyOrder(
                    "autogen 720h0m0s default", "rollup_1m 8760h0m0s", "rollup_1h 0s");

            Retention changed = new Retention(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(3650));
            try (InfluxReadingStore second = InfluxReadingStore.connect(
                    settings(RealStores.influxUrl(), database, null), changed, Clock.systemUTC())) {
                assertThat(policies(database)).as("altered at the next start, none added").containsExactlyInAnyOrder(
                        "autogen 168h0m0s default", "rollup_1m 2160h0m0s", "rollup_1h 87600h0m0s");
            }
            try (InfluxReadingStore unmanaged = InfluxReadingStore.connect(
                    settings(RealStores.influxUrl(), database, null))) {
                assertThat(policies(database)).as("a store without retention leaves them alone").containsExactlyInAnyOrder(
                        "autogen 168h0m0s default", "rollup_1m 2160h0m0s", "rollup_1h 87600h0m0s");
            }
        } finally {
            RealStores.influxQuery("DROP DATABASE \"" + database + "\"");
        }
    }

    /** "name duration [default]" of every policy, from InfluxDB's own answer. */
    private static List<String> policies(String database) {
        List<String> policies = new ArrayList<>();
        try (InfluxReadingStore reader = InfluxReadingStore.connect(settings(RealStores.influxUrl(), database, null))) {
            InfluxReadingStore.forEachRow(reader.query("SHOW RETENTION POLICIES ON \"" + database + "\""),
                    row -> policies.add(row.get(0) + " " + row.get(1) + (Boolean.TRUE.equals(row.get(4)) ? " default" : "")));
        }
        return policies;
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
    void foldsAPagesSensorsIntoOneStatementPerWindowPart() {
        Instant ten = Instant.parse("2026-11-27T10:00:00Z");
        HistoryQuery head = new HistoryQuery("plant-a", "s", ten.plusSeconds(600), ten.plusSeconds(3600),
                BucketInterval.parse("1h").orElseThrow(), Aggregate.MEAN, ZoneId.of("Europe/Berlin"));
        HistoryQuery tail = new HistoryQuery("plant-a", "s", ten.plusSeconds(7200), ten.plusSeconds(9000),
                BucketInterval.parse("1h").orElseThrow(), Aggregate.MEAN, ZoneId.of("Europe/Berlin"));
        List<HistoryQuery> page = new ArrayList<>();
        for (int sensor = 0; sensor < 20; sensor++) {
            page.add(head.forSensor("b" + sensor + "-steam"));
            page.add(tail.forSensor("b" + sensor + "-steam"));
        }
        page.add(new HistoryQuery("plant-b", "b0-steam", head.from(), head.to(), head.interval(), head.aggregate(),
                head.zone())); // another site: a statement of its own
        page.add(tail.forSensor("it's")); // joins the tail's statement, quoted

        HistoryStatements statements = HistoryStatements.of(page);

        assertThat(statements.size()).isEqualTo(3);
        String[] ql = statements.influxQl().split("; ");
        assertThat(ql[0]).contains("(\"sensor_id\" = 'b0-steam' OR \"sensor_id\" = 'b1-steam' OR ")
                .contains(" GROUP BY time(1h), \"sensor_id\" fill(null) tz('Europe/Berlin')");
        assertThat(ql[1]).contains(" OR \"sensor_id\" = 'b19-steam' OR \"sensor_id\" = 'it\\'s')");
        assertThat(ql[2]).isEqualTo(InfluxReadingStore.historyQl(page.get(40)));
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
