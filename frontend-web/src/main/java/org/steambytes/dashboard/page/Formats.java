package org.steambytes.dashboard.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** How the pages write values and times (templates call it as {@code @formats}): times in the site's zone. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    public String time(Instant instant, String zone) {
        if (instant == null) {
            return "never";
        }
        return TIME.format(instant.atZone(zoneOf(zone)));
    }

    public String value(Double value) {
        if (value == null) {
            return "–";
        }
        double abs = Math.abs(value);
        String pattern = abs >= 1000 ? "%.0f" : abs >= 100 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    public String percent(Double value) {
        return value == null ? "not computed yet" : String.format(Locale.ROOT, "%.1f %%", value);
    }

    public long epochMs(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    static ZoneId zoneOf(String zone) {
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
