package org.steambytes.e2e;

/**
 * The walk on the real PostgreSQL, Redis and InfluxDB (scripts/services-up; docs/ARCHITECTURE.md §6
 * "Full mode"), each run in fresh databases of its own.
 */
class RealServersMissionTests extends MissionWalk {

    @Override
    SuiteStores openStores() {
        return new RealServerStores();
    }
}
