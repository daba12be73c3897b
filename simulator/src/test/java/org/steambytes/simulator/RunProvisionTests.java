package org.steambytes.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steambytes.simulator.client.Backoff;
import org.steambytes.simulator.client.IngestionClient;
import org.steambytes.simulator.signal.BoilerDesign;
import org.steambytes.simulator.signal.BoilerModel;
import org.steambytes.simulator.signal.BoilerSensors;

/** {@code run --provision --sites N} against the real frontend-api and iot-ingestion: N sites, fed, created once. */
class RunProvisionTests {

    @TempDir
    Path dataDir;

    @Test
    void provisionsNSitesWhoseGatewaysIngestionAccepts() throws Exception {
        Args args = Args.parse("run", "--provision", "--sites", "2", "--site-prefix", "sim-run", "--api", InProcessStack.api(),
                "--admin-key", InProcessStack.ADMIN_KEY, "--data-dir", dataDir.toString(), "--sensors",
                "steam_pressure,steam_temperature,flue_gas_o2");
        List<RunCommand.Target> targets = RunCommand.targets(args, RunCommand.sensors("steam_pressure,steam_temperature,flue_gas_o2"),
                "b1", Duration.ofSeconds(10));
        assertThat(targets).extracting(RunCommand.Target::siteId).containsExactly("sim-run-1", "sim-run-2");
        assertThat(Files.readString(dataDir.resolve("simulator-tokens/sim-run-2")).trim()).isEqualTo(targets.get(1).token());

        IngestionClient ingestion = new IngestionClient(InProcessStack.ingestion(), new Backoff(3));
        for (RunCommand.Target target : targets) {
            SiteFeed feed = new SiteFeed(target.siteId(), "b1", target.token(), new BoilerModel(
                    BoilerDesign.typical(ZoneId.of("Europe/Berlin")), RunCommand.sensors("steam_pressure,steam_temperature,flue_gas_o2"),
                    7, true), ingestion, null);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            feed.backfill(now.minus(Duration.ofMinutes(5)), now, Duration.ofSeconds(10));
            assertThat(feed.accepted()).isEqualTo(30 * 3);
        }

        // Again: the same sites and tokens, nothing new.
        List<RunCommand.Target> again = RunCommand.targets(args, RunCommand.sensors("steam_pressure,steam_temperature,flue_gas_o2"),
                "b1", Duration.ofSeconds(10));
        assertThat(again).isEqualTo(targets);
    }
}
