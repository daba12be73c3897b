package org.steambytes.api.history;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.SensorView;
import org.steambytes.api.sensor.Sensors;
import org.steambytes.api.site.SiteView;
import org.steambytes.api.site.Sites;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryPoint;

/**
 * A site's readings as CSV, one column per sensor, streamed in chunks of {@link #CHUNK_BUCKETS} buckets: each
 * chunk is read sensor by sensor through the same history API as the JSON history, merged by bucket and
 * written, so memory holds one chunk whatever the window (a year or more).
 *
 * <p>A chunk ends wherever its window ends, which may cut a bucket in two. So a chunk's last bucket is held
 * back and the next chunk starts at that bucket's start (as the history reported it, so a true bucket
 * boundary in the site's zone, daylight-saving days included): every bucket is written once, whole.
 */
@Service
public class ReadingsExport {

    static final int CHUNK_BUCKETS = 1_000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What to stream and the file name to offer. */
    public record Download(ExportQuery query, String filename) {
    }

    private final Sites sites;
    private final Sensors sensors;
    private final HistoryClient client;
    private final Clock clock;

    ReadingsExport(Sites sites, Sensors sensors, HistoryClient client, Clock clock) {
        this.sites = sites;
        this.sensors = sensors;
        this.client = client;
        this.clock = clock;
    }

    /** Checks scope (404 as for the JSON history) and every parameter (422) before anything is written. */
    public Download prepare(ApiCaller caller, String siteId, ExportQuery.Parameters parameters) {
        SiteView site = sites.get(caller, siteId);
        List<String> known = sensors.all(caller, siteId).stream().map(SensorView::sensorId).toList();
        ExportQuery query = ExportQuery.parse(siteId, ZoneId.of(site.timezone()), known, parameters, clock);
        String filename = siteId + "-readings-" + FILE_TIME.format(query.from()) + "-" + FILE_TIME.format(query.to()) + ".csv";
        return new Download(query, filename);
    }

    /**
     * Writes the header and every row, flushing after each chunk. A chunk that cannot be read throws (a
     * {@code ProblemException} of the history) after the rows before it were sent: the caller must end the
     * response as broken, not as complete.
     */
    public void write(ExportQuery query, Writer out) throws IOException {
        CsvRows rows = new CsvRows(out, query.zone(), query.sensorIds().size());
        rows.header(query.sensorIds());
        out.flush();
        long chunkMillis = query.interval().duration().toMillis() * CHUNK_BUCKETS;
        Instant start = query.from();
        while (start.isBefore(query.to())) {
            Instant end = query.to().toEpochMilli() - start.toEpochMilli() <= chunkMillis ? query.to()
                    : start.plusMillis(chunkMillis);
            TreeMap<Instant, Double[]> buckets = read(query, start, end);
            Instant next = end;
            if (end.isBefore(query.to()) && !buckets.isEmpty() && buckets.lastKey().isAfter(start)) {
                next = buckets.lastKey(); // it may be cut at end: read it again, whole, with the next chunk
                buckets.remove(next);
            }
            rows.rows(buckets, query.aggregate() == Aggregate.COUNT);
            out.flush();
            start = next;
        }
    }

    private TreeMap<Instant, Double[]> read(ExportQuery query, Instant from, Instant to) {
        TreeMap<Instant, Double[]> buckets = new TreeMap<>();
        List<String> sensorIds = query.sensorIds();
        for (int column = 0; column < sensorIds.size(); column++) {
            History history = client.read(query.chunk(sensorIds.get(column), from, to));
            for (HistoryPoint point : history.points()) {
                Instant bucket = OffsetDateTime.parse(point.timestamp()).toInstant();
                buckets.computeIfAbsent(bucket, ignored -> new Double[sensorIds.size()])[column] = point.value();
            }
        }
        return buckets;
    }
}
