package org.steambytes.api.anomaly;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.SensorView;
import org.steambytes.api.sensor.Sensors;
import org.steambytes.api.window.TimeWindow;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * A site's anomalies, newest first, read straight from {@code anomalies} (ai-processor writes them; this
 * service only reads).
 */
@Service
public class Anomalies {

    private static final Set<String> DETECTORS = Set.of("zscore", "ewma", "cusum");
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    /** What to list: the raw parameters, each may be null. */
    public record Filter(String from, String to, String sensorId, String detector) {
    }

    private final JdbcTemplate jdbc;
    private final Sensors sensors;
    private final Clock clock;

    Anomalies(JdbcTemplate jdbc, Sensors sensors, Clock clock) {
        this.jdbc = jdbc;
        this.sensors = sensors;
        this.clock = clock;
    }

    /** 404 for a site outside the caller's scope; 422 naming each bad parameter. */
    @Transactional(readOnly = true)
    public Page<AnomalyView> list(ApiCaller caller, String siteId, Filter filter, Pageable pageable) {
        // Also the scope check: 404 for a site the caller cannot see, before any parameter is judged.
        List<SensorView> siteSensors = sensors.all(caller, siteId);
        boolean sensorKnown = filter.sensorId() == null
                || siteSensors.stream().anyMatch(sensor -> sensor.sensorId().equals(filter.sensorId()));
        List<FieldProblem> problems = new ArrayList<>();
        if (!sensorKnown) {
            problems.add(FieldProblem.of("sensor_id", "unknown sensor '" + filter.sensorId() + "' at this site"));
        }
        if (filter.detector() != null && !DETECTORS.contains(filter.detector())) {
            problems.add(FieldProblem.of("detector", "must be one of zscore, ewma, cusum"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    problems.size() + " parameter" + (problems.size() == 1 ? " is" : "s are") + " invalid.")
                    .withErrors(problems);
        }
        TimeWindow window = TimeWindow.parse(filter.from(), filter.to(), DEFAULT_WINDOW, null, clock);
        StringBuilder where = new StringBuilder(" WHERE site_id = ? AND observed_at >= ? AND observed_at < ?");
        List<Object> args = new ArrayList<>(List.of(siteId, Timestamp.from(window.from()), Timestamp.from(window.to())));
        if (filter.sensorId() != null) {
            where.append(" AND sensor_id = ?");
            args.add(filter.sensorId());
        }
        if (filter.detector() != null) {
            where.append(" AND detector = ?");
            args.add(filter.detector());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM anomalies" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        List<AnomalyView> page = jdbc.query("SELECT id, sensor_id, detector, observed_at, value, score, threshold,"
                + " explanation FROM anomalies" + where + " ORDER BY observed_at DESC, id DESC LIMIT ? OFFSET ?",
                Anomalies::row, pageArgs.toArray());
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    private static AnomalyView row(ResultSet rs, int rowNum) throws SQLException {
        return new AnomalyView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getString(8));
    }
}
