package org.steambytes.simulator.log;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Log lines on standard output (scripts/demo sends them to data/logs/simulator.log). */
public final class Log {

    private Log() {
    }

    public static void info(String message) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " [simulator] " + message);
    }

    public static void warn(String message) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " [simulator] WARN " + message);
    }
}
