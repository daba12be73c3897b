package org.steambytes.common.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.steambytes.common.history.HistoryQuery;

/**
 * Where a window is split at one of its buckets (ai-processor's history cache does), the part from that
 * bucket on lays the same grid as the whole window, across daylight-saving changes too — but not in a
 * zone whose offset changes by half an hour, which is why the cache checks every part.
 */
class BucketGridTests {

    @ParameterizedTest
    @CsvSource({
            "Europe/Berlin, 1d, 2026-03-20T00:00:00Z, 2026-04-05T00:00:00Z, true",
            "Europe/Berlin, 1h, 2026-10-24T00:00:00Z, 2026-10-27T00:00:00Z, true",
            "Europe/Berlin, 15m, 2026-03-28T20:00:00Z, 2026-03-29T05:00:00Z, true",
            "Europe/Berlin, 3h, 2026-03-28T20:00:00Z, 2026-03-30T05:00:00Z, true",
            "America/St_Johns, 1d, 2026-10-25T00:00:00Z, 2026-11-05T00:00:00Z, true",
            "Asia/Kolkata, 1d, 2026-05-01T07:13:00Z, 2026-05-09T00:00:00Z, true",
            "UTC, 1w, 2026-01-01T00:00:00Z, 2026-04-01T00:00:00Z, true",
            "UTC, 3h, 2026-05-01T01:00:00Z, 2026-05-03T00:00:00Z, true",
            "Australia/Lord_Howe, 1h, 2026-04-04T00:00:00Z, 2026-04-06T00:00:00Z, false"})
    void aWindowSplitAtABucketLaysTheSameGridAfterItUnlessTheOffsetMovesByHalfAnHour(String zone, String interval,
            String from, String to, boolean same) {
        HistoryQuery query = HistoryQuery.parse("s", "t", new HistoryQuery.Parameters(from, to, interval, "mean", zone),
                ZoneId.of("UTC"), Clock.systemUTC());
        long[] starts = BucketGrid.starts(query);

        assertThat(starts.length).isGreaterThan(3);
        boolean allSame = true;
        for (int i = 0; i < starts.length; i++) {
            HistoryQuery rest = new HistoryQuery("s", "t", Instant.ofEpochMilli(starts[i]), query.to(),
                    query.interval(), query.aggregate(), query.zone());
            allSame &= Arrays.equals(BucketGrid.starts(rest), Arrays.copyOfRange(starts, i, starts.length));
        }
        assertThat(allSame).isEqualTo(same);
    }
}
