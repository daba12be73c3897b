package org.steambytes.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.InfluxSettings;
import org.steambytes.common.reading.Reading;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceProcess;
import org.steambytes.testsupport.TcpProxy;

/**
 * iot-ingestion killed with SIGKILL under load — once while writing to InfluxDB directly and once
 * while spooling because InfluxDB is away — then restarted on the same spool: every reading that
 * got a 202 must be in InfluxDB, each once.
 */
class KillNineTests {

    @Test
    void losesNoAcceptedReadingWhenKilledMidLoad() throws Exception {
        SiteFixture site = Fixtures.boilerHouse();
        Path spool = Path.of("target", "spool-kill9-" + UUID.randomUUID());
        Path log = Path.of("target", "kill9-service.log");
        Files.createDirectories(spool);
        try (TcpProxy influxLink = TcpProxy.to(RealStores.influxUri().getHost(), RealStores.influxUri().getPort())) {
            Map<String, String> settings = Map.of(
                    "spring.datasource.url", RealStores.jdbcUrl(RealStores.runDatabase()),
                    "spring.datasource.username", RealStores.postgresUser(),
                    "spring.datasource.password", RealStores.postgresPassword(),
                    "spring.data.redis.url", RealStores.redisUrl(),
                    "steambytes.influx.url", "http://127.0.0.1:" + influxLink.port(),
                    "steambytes.influx.bucket", RealStores.runInfluxDatabase(),
                    "steambytes.readings.retention.raw", RealStores.RAW_RETENTION,
                    "steambytes.ingestion.spool.directory", ServiceProcess.file(spool),
                    "steambytes.ingestion.influx-write-timeout", "2s");

            Set<Long> accepted;
            ServiceProcess first = ServiceProcess.start(IngestionApplication.class, settings, log);
            try (GatewayLoad load = new GatewayLoad(first.port(), site.gatewayToken(), "b1-steam-pressure", 4, 100)) {
                Thread.sleep(2_000);
                first.killHard(); // mid-load, writing to InfluxDB directly
                int beforeFirstKill = load.acceptedTimestamps().size();

                ServiceProcess second = ServiceProcess.start(IngestionApplication.class, settings, log);
                load.retarget(second.port());
                Thread.sleep(1_500);
                influxLink.stop(); // InfluxDB away: batches go to the spool
                Thread.sleep(2_500);
                second.killHard(); // mid-load, spooling
                assertThat(load.acceptedTimestamps().size()).as("accepted while spooling").isGreaterThan(beforeFirstKill);
                assertThat(Files.list(spool).anyMatch(p -> p.toString().endsWith(".log"))).isTrue();

                influxLink.start();
                ServiceProcess third = ServiceProcess.start(IngestionApplication.class, settings, log);
                load.retarget(third.port());
                Thread.sleep(1_500);
                load.close();
                accepted = load.acceptedTimestamps();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                        assertThat(StoreOutageTests.missing(accepted, storedTimestamps(site))).isEmpty());
                third.close();
            }

            var stored = stored(site);
            assertThat(accepted).hasSizeGreaterThan(1_000);
            assertThat(stored).as("no point twice").hasSize(storedTimestamps(site).size());
        }
    }

    private static java.util.List<Reading> stored(SiteFixture site) {
        try (InfluxReadingStore influx = InfluxReadingStore.connect(new InfluxSettings(RealStores.influxUrl(), null,
                "steambytes", RealStores.runInfluxDatabase(), Duration.ofSeconds(10)))) {
            return influx.findReadings(site.siteId(), "b1-steam-pressure", Instant.EPOCH, Instant.now().plusSeconds(60));
        }
    }

    private static Set<Long> storedTimestamps(SiteFixture site) {
        return stored(site).stream().map(r -> r.timestamp().toEpochMilli()).collect(Collectors.toSet());
    }
}
