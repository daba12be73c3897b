package org.steambytes.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.window.TimeWindow;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the audit log, newest first. An admin of all sites sees every event; an admin of some sites sees
 * the events of those sites (not those without a site: keys and users). A {@code site_id} outside the
 * caller's scope is 404, as everywhere.
 */
@Service
public class AuditEvents {

    private static final Pattern ACTOR = Pattern.compile("(api-key|user):.{1,120}");
    private static final String COLUMNS = "event_id, at, actor_kind, actor_id, actor, action, resource_type,"
            + " resource_id, site_id, before, after";

    /** The filters as the request gives them; each may be null. */
    public record Filter(String siteId, String actor, String from, String to) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditEvents(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Page<AuditEventView> list(ApiCaller caller, Filter filter, Pageable pageable) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant from = filter.from() == null ? null : TimeWindow.instant("from", filter.from(), problems);
        Instant to = filter.to() == null ? null : TimeWindow.instant("to", filter.to(), problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(FieldProblem.of("to", "must be after from (" + from + ")"));
        }
        if (filter.actor() != null && !ACTOR.matcher(filter.actor()).matches()) {
            problems.add(FieldProblem.of("actor", "must be api-key:<key_id> or user:<username>"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    problems.size() + " parameter" + (problems.size() == 1 ? " is" : "s are") + " invalid.")
                    .withErrors(problems);
        }
        if (filter.siteId() != null && !caller.canSee(filter.siteId())) {
            throw ProblemException.of(HttpStatus.NOT_FOUND, "site_not_found", "No site '" + filter.siteId() + "'.");
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> arguments = new ArrayList<>();
        if (!caller.allSites()) {
            where.append(" AND site_id = ANY (?)");
            arguments.add(caller.siteIds().toArray(String[]::new));
        }
        if (filter.siteId() != null) {
            where.append(" AND site_id = ?");
            arguments.add(filter.siteId());
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            arguments.add(filter.actor());
        }
        if (from != null) {
            where.append(" AND at >= ?");
            arguments.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND at < ?");
            arguments.add(Timestamp.from(to));
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM audit_events" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(pageable.getPageSize());
        paged.add(pageable.getOffset());
        List<AuditEventView> events = jdbc.query("SELECT " + COLUMNS + " FROM audit_events" + where
                + " ORDER BY at DESC, event_id DESC LIMIT ? OFFSET ?", this::row, paged.toArray());
        return new PageImpl<>(events, pageable, total == null ? 0 : total);
    }

    private AuditEventView row(ResultSet rs, int rowNum) throws SQLException {
        return new AuditEventView(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                tree(rs.getString(10)), tree(rs.getString(11)));
    }

    private JsonNode tree(String document) {
        return document == null ? null : json.readTree(document);
    }
}
