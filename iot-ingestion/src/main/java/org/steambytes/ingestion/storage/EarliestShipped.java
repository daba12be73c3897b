package org.steambytes.ingestion.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.steambytes.common.reading.Reading;

/**
 * The oldest reading timestamp this replica has written to the store since {@link ReadingRollups} last
 * took it: a catch-up batch of yesterday's readings makes yesterday's rollups stale, beyond any look-back.
 */
final class EarliestShipped {

    private static final long NONE = Long.MAX_VALUE;
    private final AtomicLong earliest = new AtomicLong(NONE);

    void note(List<Reading> written) {
        long oldest = NONE;
        for (Reading reading : written) {
            oldest = Math.min(oldest, reading.timestamp().toEpochMilli());
        }
        earliest.accumulateAndGet(oldest, Math::min);
    }

    /** The oldest timestamp noted since the last call, if any; forgets it. */
    Optional<Instant> take() {
        long taken = earliest.getAndSet(NONE);
        return taken == NONE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(taken));
    }

    /** Gives a taken timestamp back (its roll-up failed): the next run starts there. */
    void giveBack(Instant time) {
        earliest.accumulateAndGet(time.toEpochMilli(), Math::min);
    }
}
