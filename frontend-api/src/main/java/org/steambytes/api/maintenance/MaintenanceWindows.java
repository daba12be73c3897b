package org.steambytes.api.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.site.Sites;
import org.steambytes.api.window.TimeWindow;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * A site's maintenance windows: while one lasts ({@code starts_at <= now < ends_at}) alert-service records
 * alerts but sends no e-mail. Anyone who sees the site reads them; operators and admins of the site (the
 * security chain checks the role) create, change and delete them. A window is at most 30 days long, and a
 * new one must not be over already.
 */
@Service
public class MaintenanceWindows {

    static final Duration LONGEST = Duration.ofDays(30);
    static final int MAX_REASON = 500;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("startsAt"), Sort.Order.desc("id"));

    /** A window as a request states it: times as RFC 3339 text or epoch milliseconds, unchecked. */
    public record Draft(String startsAt, String endsAt, String reason) {
    }

    private final MaintenanceWindowRepository windows;
    private final Sites sites;
    private final Clock clock;
    private final AuditLog audit;

    MaintenanceWindows(MaintenanceWindowRepository windows, Sites sites, Clock clock, AuditLog audit) {
        this.windows = windows;
        this.sites = sites;
        this.clock = clock;
        this.audit = audit;
    }

    /** Newest start first; {@code endsAfter} (optional) keeps only windows ending after it, e.g. now. */
    @Transactional(readOnly = true)
    public Page<MaintenanceWindowView> list(ApiCaller caller, String siteId, String endsAfter, Pageable pageable) {
        sites.requireVisible(caller, siteId);
        Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST);
        if (endsAfter == null) {
            return windows.findBySiteId(siteId, ordered).map(MaintenanceWindow::view);
        }
        List<FieldProblem> errors = new ArrayList<>();
        Instant after = TimeWindow.instant("ends_after", endsAfter, errors);
        failIfAny(errors);
        return windows.findBySiteIdAndEndsAtAfter(siteId, after, ordered).map(MaintenanceWindow::view);
    }

    @Transactional(readOnly = true)
    public MaintenanceWindowView get(ApiCaller caller, String siteId, long windowId) {
        sites.requireVisible(caller, siteId);
        return find(siteId, windowId).view();
    }

    @Transactional
    public MaintenanceWindowView create(ApiCaller caller, String siteId, Draft draft) {
        sites.requireVisible(caller, siteId);
        Checked checked = check(draft, true);
        MaintenanceWindow window = new MaintenanceWindow(siteId, caller.actor(), clock.instant());
        window.change(checked.startsAt(), checked.endsAt(), checked.reason(), caller.actor(), clock.instant());
        MaintenanceWindowView created = windows.save(window).view();
        audit.record(caller, AuditAction.CREATE, AuditedResource.MAINTENANCE_WINDOW, String.valueOf(created.windowId()),
                siteId, null, created);
        return created;
    }

    /** Replaces the window's times and reason (all three required, as on create). */
    @Transactional
    public MaintenanceWindowView update(ApiCaller caller, String siteId, long windowId, Draft draft) {
        sites.requireVisible(caller, siteId);
        MaintenanceWindow window = find(siteId, windowId);
        Checked checked = check(draft, false);
        MaintenanceWindowView before = window.view();
        window.change(checked.startsAt(), checked.endsAt(), checked.reason(), caller.actor(), clock.instant());
        MaintenanceWindowView after = window.view();
        audit.record(caller, AuditAction.UPDATE, AuditedResource.MAINTENANCE_WINDOW, String.valueOf(windowId), siteId,
                before, after);
        return after;
    }

    @Transactional
    public void delete(ApiCaller caller, String siteId, long windowId) {
        sites.requireVisible(caller, siteId);
        MaintenanceWindow window = find(siteId, windowId);
        audit.record(caller, AuditAction.DELETE, AuditedResource.MAINTENANCE_WINDOW, String.valueOf(windowId), siteId,
                window.view(), null);
        windows.delete(window);
    }

    private record Checked(Instant startsAt, Instant endsAt, String reason) {
    }

    private Checked check(Draft draft, boolean creating) {
        List<FieldProblem> errors = new ArrayList<>();
        Instant start = required("starts_at", draft.startsAt(), errors);
        Instant end = required("ends_at", draft.endsAt(), errors);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.add(FieldProblem.of("ends_at", "must be after starts_at"));
            } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                errors.add(FieldProblem.of("ends_at", "must be at most " + LONGEST.toDays() + " days after starts_at"));
            } else if (creating && !end.isAfter(clock.instant())) {
                errors.add(FieldProblem.of("ends_at", "must be in the future: a window that is over silences nothing"));
            }
        }
        String reason = draft.reason();
        if (reason == null || reason.isBlank()) {
            errors.add(FieldProblem.of("reason", "is required: why the site's alert e-mails stop"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(FieldProblem.of("reason", "must be at most " + MAX_REASON + " characters"));
        }
        failIfAny(errors);
        return new Checked(start, end, reason.strip());
    }

    private static Instant required(String field, String text, List<FieldProblem> errors) {
        if (text == null) {
            errors.add(FieldProblem.of(field, "is required"));
            return null;
        }
        return TimeWindow.instant(field, text, errors);
    }

    private static void failIfAny(List<FieldProblem> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    errors.size() + " field" + (errors.size() == 1 ? " is" : "s are") + " invalid.").withErrors(errors);
        }
    }

    private MaintenanceWindow find(String siteId, long windowId) {
        return windows.findByIdAndSiteId(windowId, siteId).orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND,
                "window_not_found", "Site '" + siteId + "' has no maintenance window " + windowId + "."));
    }
}
