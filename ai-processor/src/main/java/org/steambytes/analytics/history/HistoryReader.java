package org.steambytes.analytics.history;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.influxdb.dto.QueryResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryPoint;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.problem.ProblemException;
import org.steambytes.common.reading.InfluxQl;
import org.steambytes.common.reading.InfluxReadingStore;
import org.steambytes.common.reading.LineProtocol;
import org.steambytes.common.reading.ReadingStoreUnavailableException;

/**
 * Bucketed history of one sensor from InfluxDB: one InfluxQL {@code GROUP BY time(interval)} with
 * {@code tz()}, so buckets start at local multiples of the interval (a day at local midnight, also on
 * the 23- and 25-hour days of daylight-saving changes). Empty buckets come back with a null value
 * ({@code count}: 0); a window without any reading of the sensor has no buckets at all. The first bucket is the one {@code from} falls in, counting only readings from
 * {@code from} on; {@code to} is exclusive.
 */
@Component
public class HistoryReader {

    private final InfluxReadingStore store;

    HistoryReader(InfluxReadingStore store) {
        this.store = store;
    }

    public History read(HistoryQuery query) {
        QueryResult result;
        try {
            result = store.query(influxQl(query));
        } catch (ReadingStoreUnavailableException e) {
            throw new HistoryUnavailableException(e);
        }
        List<HistoryPoint> points = new ArrayList<>();
        DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(query.zone());
        InfluxReadingStore.forEachRow(result, row -> {
            Instant start = Instant.ofEpochMilli(((Number) row.get(0)).longValue());
            Double value = row.get(1) == null ? null : ((Number) row.get(1)).doubleValue();
            points.add(new HistoryPoint(format.format(start), value));
        });
        if (points.size() > HistoryQuery.MAX_POINTS) {
            throw HistoryQuery.tooManyPoints(points.size());
        }
        return new History(query.siteId(), query.sensorId(), query.aggregate().wireName(), query.interval().text(),
                query.timezone(), query.from(), query.to(), points);
    }

    static String influxQl(HistoryQuery query) {
        String function = query.aggregate().wireName();
        return "SELECT " + function + "(\"value\") FROM " + InfluxQl.identifier(LineProtocol.MEASUREMENT)
                + " WHERE \"site_id\" = " + InfluxQl.literal(query.siteId())
                + " AND \"sensor_id\" = " + InfluxQl.literal(query.sensorId())
                + " AND time >= " + query.from().toEpochMilli() + "ms AND time < " + query.to().toEpochMilli() + "ms"
                + " GROUP BY time(" + query.interval().text() + ")"
                + (query.aggregate() == Aggregate.COUNT ? " fill(0)" : " fill(null)")
                + " tz(" + InfluxQl.literal(query.timezone()) + ")";
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
