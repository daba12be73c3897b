/**
 * The embedded run's stores (docs/ARCHITECTURE.md §6): PostgreSQL 14, Redis 6.2 and a mail catcher
 * started from Maven jars in one plain Java process, data under {@code ./data/}. Uses no SteamBytes module:
 * the services reach these stores through their ordinary variables (§3).
 */
package org.steambytes.embedded;
