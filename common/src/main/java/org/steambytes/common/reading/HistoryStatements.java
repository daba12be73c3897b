package org.steambytes.common.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.influxdb.dto.QueryResult;
import org.steambytes.common.history.Aggregate;
import org.steambytes.common.history.HistoryQuery;

/**
 * The InfluxQL statements answering several history queries in one {@code /query}: queries that differ
 * only in the sensor (a page's sensors over one window) fold into one statement naming every sensor
 * ({@code "sensor_id" = 'a' OR "sensor_id" = 'b'}) and grouped by {@code "sensor_id"} as well as by time;
 * each other query stays a statement of its own. The answer's series are split back by their
 * {@code sensor_id} tag, so every query gets exactly what its own statement would have answered
 * (InfluxDB fills each series over the whole window; a sensor without readings has no series, so no buckets).
 */
final class HistoryStatements {

    /** One statement: the sensors it names, and for each the indices of the queries asking for it. */
    private record Statement(HistoryQuery query, Map<String, List<Integer>> sensors) {
    }

    private final List<Statement> statements;
    private final int queries;

    private HistoryStatements(List<Statement> statements, int queries) {
        this.statements = statements;
        this.queries = queries;
    }

    /** Folds the queries that share everything but the sensor; statements in the order of their first query. */
    static HistoryStatements of(List<HistoryQuery> queries) {
        Map<HistoryQuery, Statement> bySharedPart = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            HistoryQuery query = queries.get(i);
            Statement statement = bySharedPart.computeIfAbsent(query.forSensor(""),
                    shared -> new Statement(query, new LinkedHashMap<>()));
            statement.sensors().computeIfAbsent(query.sensorId(), sensor -> new ArrayList<>()).add(i);
        }
        return new HistoryStatements(List.copyOf(bySharedPart.values()), queries.size());
    }

    int size() {
        return statements.size();
    }

    /** Every statement, separated by semicolons. */
    String influxQl() {
        StringBuilder ql = new StringBuilder();
        for (Statement statement : statements) {
            ql.append(ql.isEmpty() ? "" : "; ");
            if (statement.sensors().size() == 1) {
                ql.append(InfluxReadingStore.historyQl(statement.query()));
            } else {
                ql.append(foldedQl(statement.query(), List.copyOf(statement.sensors().keySet())));
            }
        }
        return ql.toString();
    }

    /** One statement per {@link #size()}, in order: each query's buckets, in the order of the queries. */
    List<List<HistoryBucket>> answers(List<QueryResult.Result> results) {
        List<List<HistoryBucket>> answers = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            answers.add(new ArrayList<>());
        }
        for (int s = 0; s < statements.size(); s++) {
            Statement statement = statements.get(s);
            List<QueryResult.Series> series = results.get(s).getSeries();
            if (series == null) {
                continue;
            }
            if (statement.sensors().size() == 1) {
                List<HistoryBucket> buckets = new ArrayList<>();
                series.forEach(one -> one.getValues().forEach(row -> buckets.add(InfluxReadingStore.bucket(row))));
                give(buckets, statement.sensors().values().iterator().next(), answers);
                continue;
            }
            for (QueryResult.Series one : series) {
                String sensor = one.getTags() == null ? null : one.getTags().get("sensor_id");
                List<Integer> asking = statement.sensors().get(sensor);
                if (asking == null) {
                    throw new IllegalStateException("InfluxDB answered a series of sensor '" + sensor
                            + "', which the statement did not name");
                }
                List<HistoryBucket> buckets = new ArrayList<>(one.getValues().size());
                one.getValues().forEach(row -> buckets.add(InfluxReadingStore.bucket(row)));
                give(buckets, asking, answers);
            }
        }
        return answers;
    }

    /** The same query asked twice gets two lists, as two statements would have given. */
    private static void give(List<HistoryBucket> buckets, List<Integer> asking, List<List<HistoryBucket>> answers) {
        answers.set(asking.get(0), buckets);
        for (int i = 1; i < asking.size(); i++) {
            answers.set(asking.get(i), new ArrayList<>(buckets));
        }
    }

    /** {@link InfluxReadingStore#historyQl} for several sensors at once, grouped by sensor as well. */
    static String foldedQl(HistoryQuery query, List<String> sensorIds) {
        StringBuilder sensors = new StringBuilder("(");
        for (String sensorId : sensorIds) {
            sensors.append(sensors.length() == 1 ? "" : " OR ").append("\"sensor_id\" = ").append(InfluxQl.literal(sensorId));
        }
        sensors.append(')');
        return "SELECT " + query.aggregate().wireName() + "(\"value\") FROM " + InfluxQl.identifier(LineProtocol.MEASUREMENT)
                + " WHERE \"site_id\" = " + InfluxQl.literal(query.siteId())
                + " AND " + sensors
                + " AND time >= " + query.from().toEpochMilli() + "ms AND time < " + query.to().toEpochMilli() + "ms"
                + " GROUP BY time(" + query.interval().text() + "), \"sensor_id\""
                + (query.aggregate() == Aggregate.COUNT ? " fill(0)" : " fill(null)")
                + " tz(" + InfluxQl.literal(query.timezone()) + ")";
    }
}
