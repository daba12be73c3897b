package org.steambytes.common.reading;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each resolution of the history is kept (docs/ARCHITECTURE.md §2 "Rollups and retention",
 * §3): raw readings {@code INGESTION_RETENTION} (30d, also the oldest reading ingestion accepts),
 * 1-minute rollups {@code RETENTION_1M} (365d), hourly rollups {@code RETENTION_1H} (empty: forever).
 * A null duration means kept forever.
 */
@ConfigurationProperties("steambytes.readings.retention")
public record Retention(@DefaultValue("30d") Duration raw, @DefaultValue("365d") Duration minute, Duration hour) {

    /** Nothing expires and the store's retention is not managed: every history is read raw. */
    public static final Retention FOREVER = new Retention(null, null, null);

    public Retention {
        requirePositive("raw", raw);
        requirePositive("minute", minute);
        requirePositive("hour", hour);
    }

    /** How long {@code resolution} is kept; null for forever. */
    public Duration of(Resolution resolution) {
        return switch (resolution) {
            case RAW -> raw;
            case MINUTE -> minute;
            case HOUR -> hour;
        };
    }

    /**
     * The finest resolution still holding {@code from} at {@code now}: raw if {@code from} is within
     * the raw retention, else 1-minute rollups if within theirs, else hourly rollups.
     */
    public Resolution finestCovering(Instant from, Instant now) {
        for (Resolution resolution : new Resolution[] {Resolution.RAW, Resolution.MINUTE}) {
            Duration kept = of(resolution);
            if (kept == null || !from.isBefore(now.minus(kept))) {
                return resolution;
            }
        }
        return Resolution.HOUR;
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("retention of " + name + " must be positive (or empty for forever), was "
                    + duration);
        }
    }
}
