package org.steambytes.simulator.signal;

import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * The steam demand over the site's day, as a fraction of the rated steam flow: lowest around 02:00
 * local time, highest around 14:00 (a sinusoid between {@link #MIN} and {@link #MAX}).
 */
public final class DailyLoad {

    public static final double MIN = 0.40;
    public static final double MAX = 0.90;
    private static final double PEAK_HOUR = 14.0;

    private DailyLoad() {
    }

    public static double fraction(Instant at, java.time.ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        double phase = 2 * Math.PI * (hour - PEAK_HOUR) / 24.0;
        return (MIN + MAX) / 2 + (MAX - MIN) / 2 * Math.cos(phase);
    }
}
