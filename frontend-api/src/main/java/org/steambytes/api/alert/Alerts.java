package org.steambytes.api.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.site.Sites;
import org.steambytes.api.window.TimeWindow;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * Alerts within the caller's scope, newest first; acknowledging and shelving go through alert-service, which owns them.
 * A site's open or acknowledged alerts come from alert-service's document of them in Redis when it is there
 * ({@link OpenAlerts}: one GET, its alerts' bytes filtered and paged here), everything else from PostgreSQL.
 */
@Service
public class Alerts {

    private static final Set<String> STATES = Set.of("open", "acknowledged", "resolved");
    /** Most severe first. */
    public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    private static final String COLUMNS = "alert_id, site_id, sensor_id, rule_id, kind, state, severity, opened_at, "
            + "value, limit_value, message, acknowledged_at, acknowledged_by, resolved_at, shelved_until, shelve_reason";
    /** alert-service's limit too: a shelved alert must come back within a week. */
    static final Duration LONGEST_SHELVING = Duration.ofDays(7);
    static final int MAX_REASON = 500;
    /** alert-service's limit on {@code who} (its internal API), not the audit columns' (128 since V7). */

    /** The states alert-service keeps in each site's open-alerts document. */
    private static final Set<String> DOCUMENT_STATES = Set.of("open", "acknowledged");

    private final JdbcTemplate jdbc;
    private final Sites sites;
    private final AlertServiceClient alertService;
    private final OpenAlerts openAlerts;

    private final Clock clock;
    private final AuditLog audit;

    Alerts(JdbcTemplate jdbc, Sites sites, AlertServiceClient alertService, OpenAlerts openAlerts, Clock clock,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.alertService = alertService;
        this.openAlerts = openAlerts;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * An alerts list: the page read from PostgreSQL, or — a site's open or acknowledged alerts from alert-service's
     * document of them — its JSON as {@code PagedModel<AlertView>} writes it. One of the two is null.
     */
    public record Listing(Page<AlertView> page, byte[] json) {
    }

    /**
     * {@code severities}: any of them (null or empty: all); an unknown one is a 422 naming {@code severity}.
     * {@code jsonWanted}: the caller takes JSON, so the document's bytes may answer (otherwise the page is read
     * from PostgreSQL and content negotiation answers as for any other list).
     */
    public Listing list(ApiCaller caller, String siteId, String state, List<String> severities,
            Pageable pageable, boolean jsonWanted) {
        if (state != null && !STATES.contains(state)) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "invalid_parameter", "Unknown state '" + state + "'.")
                    .withErrors(List.of(FieldProblem.of("state", "must be open, acknowledged or resolved")));
        }
        List<String> wanted = severities == null ? List.of() : severities.stream().map(String::strip)
                .filter(severity -> !severity.isEmpty()).distinct().toList();
        List<FieldProblem> unknown = wanted.stream().filter(severity -> !SEVERITIES.contains(severity))
                .map(severity -> FieldProblem.of("severity", "unknown severity '" + severity
                        + "': must be critical, high, medium or low")).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    "Unknown severity.").withErrors(unknown);
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (siteId != null) {
            sites.requireVisible(caller, siteId);
            if (jsonWanted && state != null && DOCUMENT_STATES.contains(state)) {
                Optional<byte[]> fromDocument = openAlerts.page(siteId, state, wanted, pageable);
                if (fromDocument.isPresent()) {
                    return new Listing(null, fromDocument.get());
                }
            }
            where.append(" AND site_id = ?");
            args.add(siteId);
        } else if (!caller.allSites()) {
            where.append(" AND site_id = ANY (?)");
            args.add(caller.siteIds().toArray(String[]::new));
        }
        if (state != null) {
            where.append(" AND state = ?");
            args.add(state);
        }
        if (!wanted.isEmpty()) {
            where.append(" AND severity = ANY (?)");
            args.add(wanted.toArray(String[]::new));
        }
        // One query: the page and, on every row, the total (a window count over the whole match).
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(pageable.getPageSize());
        pageArgs.add(pageable.getOffset());
        long[] total = {0};
        List<AlertView> alerts = jdbc.query("SELECT " + COLUMNS + ", count(*) OVER () FROM alerts" + where
                + " ORDER BY opened_at DESC, alert_id LIMIT ? OFFSET ?", (rs, rowNum) -> {
                    total[0] = rs.getLong(17);
                    return row(rs, rowNum);
                }, pageArgs.toArray());
        if (alerts.isEmpty() && pageable.getOffset() > 0) {
            // A page past the end has no row to carry the total.
            Long counted = jdbc.queryForObject("SELECT count(*) FROM alerts" + where, Long.class, args.toArray());
            total[0] = counted == null ? 0 : counted;
        }
        return new Listing(new PageImpl<>(alerts, pageable, total[0]), null);
    }

    public AlertView get(ApiCaller caller, UUID alertId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM alerts WHERE alert_id = ?", Alerts::row, alertId).stream()
                .filter(alert -> caller.canSee(alert.siteId())).findFirst()
                .orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "alert_not_found",
                        "No alert " + alertId + "."));
    }

    /** Forwarded to alert-service; if it cannot be reached nothing changes and the caller gets 503. */
    public AlertView acknowledge(ApiCaller caller, UUID alertId, String note) {
        AlertView before = get(caller, alertId);
        alertService.acknowledge(alertId, who(caller), note);
        return audited(caller, AuditAction.ACKNOWLEDGE, before);
    }

    /**
     * Shelves an open or acknowledged alert until {@code until} (RFC 3339 or epoch milliseconds, in the
     * future, at most 7 days ahead) for {@code reason} (required, at most 500 characters): 422 naming
     * each wrong field before alert-service is asked, which records who and why and refuses a resolved
     * alert (409 {@code alert_not_shelvable}).
     */
    public AlertView shelve(ApiCaller caller, UUID alertId, String until, String reason) {
        AlertView before = get(caller, alertId);
        List<FieldProblem> errors = new ArrayList<>();
        Instant end = null;
        if (until == null) {
            errors.add(FieldProblem.of("until", "is required: when the alert comes back"));
        } else {
            end = TimeWindow.instant("until", until, errors);
            Instant now = clock.instant();
            if (end != null && !end.isAfter(now)) {
                errors.add(FieldProblem.of("until", "must be in the future"));
            } else if (end != null && end.isAfter(now.plus(LONGEST_SHELVING))) {
                errors.add(FieldProblem.of("until", "must be at most 7 days ahead"));
            }
        }
        if (reason == null || reason.isBlank()) {
            errors.add(FieldProblem.of("reason", "is required: why the alert is shelved"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(FieldProblem.of("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    errors.size() + " field" + (errors.size() == 1 ? " is" : "s are") + " invalid.").withErrors(errors);
        }
        alertService.shelve(alertId, end, reason, who(caller));
        return audited(caller, AuditAction.SHELVE, before);
    }

    /** Ends a shelving now; 409 {@code alert_not_shelved} from alert-service when it is not shelved. */
    public AlertView unshelve(ApiCaller caller, UUID alertId) {
        AlertView before = get(caller, alertId);
        alertService.unshelve(alertId, who(caller));
        return audited(caller, AuditAction.UNSHELVE, before);
    }

    /** alert-service made the change: recorded now, with the alert as it reads after it. */
    private AlertView audited(ApiCaller caller, AuditAction action, AlertView before) {
        AlertView after = get(caller, before.alertId());
        audit.recordForwarded(caller, action, AuditedResource.ALERT, before.alertId().toString(), before.siteId(),
                before, after);
        return after;
    }

    /**
     * The actor alert-service records for a change through this API: {@code api-key:<key_id>} or
     * {@code user:<username>} (at most 69 characters; alert-service and the columns take 128, V7).
     */
    private static String who(ApiCaller caller) {
        return caller.actor();
    }

    private static AlertView row(ResultSet rs, int rowNum) throws SQLException {
        return new AlertView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                (Double) rs.getObject(9), (Double) rs.getObject(10), rs.getString(11),
                rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getString(13),
                instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)), rs.getString(16));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
