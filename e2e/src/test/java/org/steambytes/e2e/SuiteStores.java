package org.steambytes.e2e;

import java.util.Map;

/**
 * Where the five services keep their data in one run mode (docs/ARCHITECTURE.md §6): the real servers
 * ({@link RealServerStores}), or — once built — the embedded stores. The walk is the same in every mode;
 * only this differs.
 */
interface SuiteStores extends AutoCloseable {

    /** Names the run in test names and log paths, e.g. {@code real-servers}. */
    String mode();

    /**
     * The variables that point all five services at this run's stores and keep them apart from any
     * other run sharing them (docs/ARCHITECTURE.md §3). Called once, before the services start.
     */
    Map<String, String> environment();

    /**
     * How many readings of {@code siteId} this mode's reading store holds, read from the store itself, not
     * through a service: proves the readings went where the mode keeps them (a service that ignored
     * {@code READINGS_STORE} would write to a store the walk cannot see here).
     */
    long readingsKeptFor(String siteId);

    /** After the services stopped: whatever the run left in shared stores goes. Never throws. */
    @Override
    void close();
}
