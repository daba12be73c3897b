package org.steambytes.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole-suite end-to-end test (issue 12): the five services' packaged jars as separate processes on
 * one run mode's stores, walked through the {@link Mission}. A run mode is a subclass naming its
 * {@link SuiteStores}; the walk is the same for all. Logs: {@code target/e2e-logs/<mode>/<service>.log}.
 */
abstract class MissionWalk {

    /** Short, so analytics results appear within the walk (ANALYTICS_INTERVAL_S, docs/ARCHITECTURE.md §3). */
    private static final Duration ANALYTICS_INTERVAL = Duration.ofSeconds(5);

    /** This run mode's stores, opened fresh for one walk. */
    abstract SuiteStores openStores();

    @Test
    void integratorGatewayOnCallAndOperatorWalkTheMission() {
        String run = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
                (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
        SuiteSecrets secrets = SuiteSecrets.generate();
        try (SuiteStores stores = openStores(); Mailbox mailbox = Mailbox.start();
             Suite suite = Suite.start(stores, new Suite.Wiring(secrets, mailbox, ANALYTICS_INTERVAL),
                     Path.of("target", "e2e-logs", stores.mode()).toAbsolutePath())) {
            try {
                Mission mission = new Mission(suite, mailbox, secrets, run);
                mission.walk();
                assertThat(stores.readingsKeptFor(mission.siteId()))
                        .as("readings of the walk's site in the %s mode's own reading store", stores.mode()).isPositive();
            } catch (RuntimeException | AssertionError failure) {
                System.err.println("The walk failed: " + failure.getMessage() + "\n" + suite.logTails(80));
                throw failure;
            }
        }
    }
}
