package org.steambytes.analytics.history;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryPoint;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.reading.HistoryBucket;
import org.steambytes.common.reading.ReadingStore;
import org.steambytes.common.reading.ReadingStoreUnavailableException;
import org.steambytes.common.reading.ResolvedHistory;

/**
 * Bucketed history of one sensor from the reading store ({@link ReadingStore#history}): buckets start
 * at local multiples of the interval (a day at local midnight, also on the 23- and 25-hour days of
 * daylight-saving changes). Empty buckets come back with a null value ({@code count}: 0); a window
 * without any reading of the sensor has no buckets at all. The first bucket is the one {@code from}
 * falls in, counting only readings from {@code from} on; {@code to} is exclusive. Read from the finest
 * resolution whose retention covers {@code from} (raw readings, 1-minute or hourly rollups), named in
 * the answer.
 */
@Component
public class HistoryReader {

    private final ReadingStore store;

    HistoryReader(ReadingStore store) {
        this.store = store;
    }

    public History read(HistoryQuery query) {
        ResolvedHistory resolved;
        try {
            resolved = store.resolvedHistory(query);
        } catch (ReadingStoreUnavailableException e) {
            throw new HistoryUnavailableException(e);
        }
        List<HistoryBucket> buckets = resolved.buckets();
        if (buckets.size() > HistoryQuery.MAX_POINTS) {
            throw HistoryQuery.tooManyPoints(buckets.size());
        }
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(query.zone());
        List<HistoryPoint> points = buckets.stream()
                .map(bucket -> new HistoryPoint(format.format(bucket.start()), bucket.value())).toList();
        return new History(query.siteId(), query.sensorId(), query.aggregate().wireName(), query.interval().text(),
                query.timezone(), query.from(), query.to(), points, resolved.resolution().wireName());
    }
    /** InfluxDB cannot answer now: 503 with Retry-After, the caller may try again. */
    static final class HistoryUnavailableException extends ProblemException {

        HistoryUnavailableException(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "history_unavailable",
                    "The readings history (InfluxDB) cannot be reached right now. Retry shortly.", cause);
            withHeader("Retry-After", "10");
        }
    }
}
