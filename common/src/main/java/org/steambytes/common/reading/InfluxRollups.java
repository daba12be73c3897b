package org.steambytes.common.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.influxdb.dto.QueryResult;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.HistoryQuery;

/**
 * The InfluxQL and line protocol of the rollups (docs/ARCHITECTURE.md §2 "Rollups and retention"): a
 * rollup is a point of measurement {@code reading} with the readings' tags in the retention policy of
 * its resolution ({@code rollup_1m}, {@code rollup_1h}), fields {@code mean}, {@code min},
 * {@code max}, {@code count}, {@code sum}, {@code last} (all floats), at its bucket's start. Same
 * tags and time overwrite, so a re-run replaces. Computed by reading aggregates and writing points
 * (InfluxDB 2.x and 3.x have no continuous queries and no {@code SELECT INTO}).
 */
final class InfluxRollups {

    private static final String FIELDS = "mean,min,max,count,sum,last";

    private InfluxRollups() {
    }

    /** One row per site (or of {@code siteId} only), sensor and bucket with data: time, mean, min, max, count, sum, last. */
    static String rollUpQl(Resolution resolution, String siteId, Instant from, Instant to) {
        String select = resolution.source() == Resolution.RAW
                ? "mean(\"value\"), min(\"value\"), max(\"value\"), count(\"value\"), sum(\"value\"), last(\"value\")"
                : "sum(\"sum\") / sum(\"count\"), min(\"min\"), max(\"max\"), sum(\"count\"), sum(\"sum\"), last(\"last\")";
        return "SELECT " + select + " FROM " + source(resolution.source())
                + " WHERE " + (siteId == null ? "" : "\"site_id\" = " + InfluxQl.literal(siteId) + " AND ")
                + "time >= " + from.toEpochMilli() + "ms AND time < " + to.toEpochMilli() + "ms"
                + " GROUP BY time(" + resolution.wireName() + "), \"site_id\", \"sensor_id\", \"sensor_type\" fill(none)";
    }

    /** The rollup rows of a {@link #rollUpQl} answer as line protocol, one point per row. */
    static String lines(QueryResult result) {
        StringBuilder lines = new StringBuilder();
        for (QueryResult.Result statement : result.getResults()) {
            if (statement.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series series : statement.getSeries()) {
                Map<String, String> tags = series.getTags();
                for (List<Object> row : series.getValues()) {
                    lines.append(LineProtocol.MEASUREMENT).append(",site_id=");
                    LineProtocol.appendTag(lines, tags.get("site_id"));
                    lines.append(",sensor_id=");
                    LineProtocol.appendTag(lines, tags.get("sensor_id"));
                    lines.append(",sensor_type=");
                    LineProtocol.appendTag(lines, tags.get("sensor_type"));
                    String[] fields = FIELDS.split(",");
                    for (int i = 0; i < fields.length; i++) {
                        // Floats always, count too: one integer would fix the field's type for good.
                        double value = ((Number) row.get(i + 1)).doubleValue();
                        lines.append(i == 0 ? ' ' : ',').append(fields[i]).append('=').append(Double.toString(value));
                    }
                    lines.append(' ').append(((Number) row.get(0)).longValue()).append('\n');
                }
            }
        }
        return lines.toString();
    }

    /** A history query over rollups; for mean, two columns (sum of sums, sum of counts) divided afterwards. */
    static String historyQl(HistoryQuery query, Resolution resolution) {
        String select = switch (query.aggregate()) {
            case MEAN -> "sum(\"sum\"), sum(\"count\")";
            case MIN -> "min(\"min\")";
            case MAX -> "max(\"max\")";
            case SUM -> "sum(\"sum\")";
            case COUNT -> "sum(\"count\")";
            case LAST -> "last(\"last\")";
        };
        return "SELECT " + select + " FROM " + source(resolution)
                + " WHERE \"site_id\" = " + InfluxQl.literal(query.siteId())
                + " AND \"sensor_id\" = " + InfluxQl.literal(query.sensorId())
                + " AND time >= " + resolution.floor(query.from()).toEpochMilli() + "ms"
                + " AND time < " + query.to().toEpochMilli() + "ms"
                + " GROUP BY time(" + query.interval().text() + ")"
                + (query.aggregate() == Aggregate.COUNT ? " fill(0)" : " fill(null)")
                + " tz(" + InfluxQl.literal(query.timezone()) + ")";
    }

    static List<HistoryBucket> buckets(QueryResult result, Aggregate aggregate) {
        List<HistoryBucket> buckets = new ArrayList<>();
        InfluxReadingStore.forEachRow(result, row -> {
            Instant start = Instant.ofEpochMilli(((Number) row.get(0)).longValue());
            Double value;
            if (aggregate == Aggregate.MEAN) {
                value = row.get(1) == null || row.get(2) == null ? null
                        : ((Number) row.get(1)).doubleValue() / ((Number) row.get(2)).doubleValue();
            } else {
                value = row.get(1) == null ? null : ((Number) row.get(1)).doubleValue();
            }
            buckets.add(new HistoryBucket(start, value));
        });
        return buckets;
    }

    /** {@code CREATE} or {@code ALTER RETENTION POLICY} with a duration (INF for none) and InfluxDB's own shard duration for it. */
    static String policyQl(String verb, String policy, String database, Duration kept) {
        return verb + " RETENTION POLICY " + InfluxQl.identifier(policy) + " ON " + InfluxQl.identifier(database)
                + " DURATION " + (kept == null ? "INF" : kept.toSeconds() + "s")
                + ("CREATE".equals(verb) ? " REPLICATION 1" : "")
                + " SHARD DURATION " + shardDuration(kept).toSeconds() + "s";
    }

    /** What InfluxDB 1.x chooses when none is given: 1h under 2 days, 1d up to 6 months, else 7d. */
    static Duration shardDuration(Duration kept) {
        if (kept == null || kept.compareTo(Duration.ofDays(183)) > 0) {
            return Duration.ofDays(7);
        }
        return kept.compareTo(Duration.ofDays(2)) < 0 ? Duration.ofHours(1) : Duration.ofDays(1);
    }

    private static String source(Resolution resolution) {
        String measurement = InfluxQl.identifier(LineProtocol.MEASUREMENT);
        return resolution == Resolution.RAW ? measurement
                : InfluxQl.identifier(resolution.retentionPolicy()) + "." + measurement;
    }
}
