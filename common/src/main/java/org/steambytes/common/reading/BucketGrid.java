package org.steambytes.common.reading;

import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import org.steambytes.common.history.HistoryQuery;

/**
 * Where a history query's buckets start, laid exactly as InfluxDB's {@code GROUP BY time(interval)
 * tz(zone)} lays them, so a store other than InfluxDB answers {@link ReadingStore#history} with the
 * same buckets (docs/ARCHITECTURE.md §2 "Readings in PostgreSQL"). The rules, from InfluxDB 1.x's
 * query engine:
 * <ul>
 *   <li>a time's bucket starts at the multiple of the width below its local time (its UTC time
 *       plus the zone's offset then); if the zone's offset at that start differs by less than the
 *       width, the start moves by the difference (so a {@code 1d} bucket starts at local midnight
 *       on either side of a daylight-saving change, and holds 23 or 25 hours);</li>
 *   <li>the buckets run from the one holding {@code from} to the one holding the last millisecond
 *       before {@code to}, a width apart, moved by an offset change smaller than the width.</li>
 * </ul>
 * {@code 1d} is 24 hours and {@code 1w} 7 days from the epoch (a Thursday), as in InfluxDB.
 * The grid follows its path from {@code from}: where a zone's offset changes by less than an hour
 * (Australia/Lord_Howe) a window starting at one of its buckets may lay the rest differently, so a
 * caller that splits a window checks each part's grid against the whole one.
 */
public final class BucketGrid {

    private BucketGrid() {
    }

    /** Every bucket start of the query, oldest first, in epoch milliseconds. */
    public static long[] starts(HistoryQuery query) {
        long width = query.interval().duration().toMillis();
        ZoneRules zone = query.zone().getRules();
        long first = bucketStart(query.from().toEpochMilli(), width, zone);
        long last = bucketStart(query.to().toEpochMilli() - 1, width, zone);
        long[] starts = new long[(int) Math.min(HistoryQuery.MAX_POINTS + 2L, (last - first) / width + 2)];
        int count = 0;
        long time = first;
        long offset = offset(zone, time);
        while (time <= last) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = time;
            time += width;
            long next = offset(zone, time - 1);
            if (next != offset) {
                long change = offset - next;
                if (Math.abs(change) < width) {
                    time += change;
                }
                offset = next;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The start of the bucket holding {@code time}. */
    public static long bucketStart(long time, long width, ZoneRules zone) {
        long offset = offset(zone, time);
        long start = time - Math.floorMod(time + offset, width);
        long change = offset - offset(zone, start);
        if (change != 0 && Math.abs(change) < width) {
            start += change;
        }
        return start;
    }

    private static long offset(ZoneRules zone, long epochMilli) {
        return zone.getOffset(Instant.ofEpochMilli(epochMilli)).getTotalSeconds() * 1000L;
    }
}
