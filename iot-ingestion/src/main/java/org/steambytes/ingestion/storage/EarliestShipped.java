package org.steambytes.ingestion.storage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.steambytes.common.reading.Reading;

/**
 * Per site, the oldest reading timestamp this replica has written to the store since
 * {@link ReadingRollups} last took them: a catch-up batch of yesterday's readings makes that site's
 * yesterday's rollups stale, beyond any look-back.
 */
final class EarliestShipped {

    private final Map<String, Long> earliestBySite = new ConcurrentHashMap<>();

    void note(List<Reading> written) {
        Map<String, Long> oldest = new HashMap<>();
        for (Reading reading : written) {
            oldest.merge(reading.siteId(), reading.timestamp().toEpochMilli(), Math::min);
        }
        oldest.forEach((site, time) -> earliestBySite.merge(site, time, Math::min));
    }

    /** The oldest timestamp per site noted since the last call; forgets them. */
    Map<String, Instant> take() {
        Map<String, Instant> taken = new HashMap<>();
        for (String site : List.copyOf(earliestBySite.keySet())) {
            Long time = earliestBySite.remove(site);
            if (time != null) {
                taken.put(site, Instant.ofEpochMilli(time));
            }
        }
        return taken;
    }

    /** Gives taken timestamps back (their roll-up failed): the next run starts there. */
    void giveBack(Map<String, Instant> taken) {
        taken.forEach((site, time) -> earliestBySite.merge(site, time.toEpochMilli(), Math::min));
    }
}
