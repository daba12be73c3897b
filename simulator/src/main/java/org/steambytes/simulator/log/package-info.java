/** The simulator's log lines on standard output (scripts/demo keeps them in data/logs/simulator.log). */
package org.steambytes.simulator.log;
