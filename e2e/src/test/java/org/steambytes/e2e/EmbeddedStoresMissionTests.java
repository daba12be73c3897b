package org.steambytes.e2e;

import java.nio.file.Path;

/**
 * The walk on the embedded stores (docs/ARCHITECTURE.md §6 "Embedded"): PostgreSQL 14 holding the readings
 * too, Redis 6.2 — the mode {@code scripts/run} starts on a machine with no server installed.
 */
class EmbeddedStoresMissionTests extends MissionWalk {

    @Override
    SuiteStores openStores() {
        return new EmbeddedSuiteStores(Path.of("target", "e2e-stores", "embedded").toAbsolutePath());
    }
}
