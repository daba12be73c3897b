/**
 * The boiler simulator's command line (docs/SIMULATOR.md): {@code run} feeds sites of any SteamBytes,
 * {@code demo} provisions and feeds the demo boiler house; the feeds and the live loop they share.
 */
package org.steambytes.simulator;
