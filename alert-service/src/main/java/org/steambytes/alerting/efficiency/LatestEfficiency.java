package org.steambytes.alerting.efficiency;

import java.time.Instant;

/**
 * A site's newest stored result of one efficiency: its window's end, its value in percent (null: not
 * computed) and the median of the values of the 7 days up to it (null: none).
 */
record LatestEfficiency(Efficiency efficiency, Instant at, Double value, Double median) {
}
