package org.steambytes.api.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.steambytes.api.audit.AuditAction;
import org.steambytes.api.audit.AuditLog;
import org.steambytes.api.audit.AuditedResource;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.SiteScope;
import org.steambytes.api.change.Change;
import org.steambytes.common.problem.ProblemException;

/**
 * Dashboard users, managed by admin keys within their own scope: a key limited to some sites sees
 * and manages only users limited to those sites. Passwords are stored with an adaptive hash
 * (bcrypt through Spring Security's delegating encoder, so the algorithm can be raised later).
 */
@Service
public class Users {

    private final UserRepository users;
    /** bcrypt reads at most 72 bytes of a password (and Spring's encoder refuses more). */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Users(UserRepository users, PasswordEncoder passwords, Clock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** Role, site scope and (on create, or to change it) the password. */
    /** {@code scope} null: the user's sites stay as they are; {@code password} null: it stays too. */
    public record UserChange(String role, SiteScope scope, String password) {
    }

    @Transactional(readOnly = true)
    public List<UserView> list(ApiCaller caller) {
        return users.findAll().stream().filter(u -> u.withinScope(caller.allSites(), caller.siteIds()))
                .map(DashboardUser::view).sorted(java.util.Comparator.comparing(UserView::username)).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(ApiCaller caller, String username) {
        return visible(caller, username).view();
    }

    @Transactional
    public UserView create(ApiCaller caller, String username, UserChange change) {
        if (change.password() == null) {
            throw ProblemException.invalid("password", "is required");
        }
        if (users.existsById(username)) {
            throw ProblemException.of(HttpStatus.CONFLICT, "user_exists", "User '" + username + "' exists already.");
        }
        DashboardUser user = new DashboardUser(username, clock.instant());
        apply(caller, user, change);
        UserView created = users.save(user).view();
        audit.record(caller, AuditAction.CREATE, AuditedResource.USER, username, null, null,
                audit.with(created, "password_changed", true));
        return created;
    }

    @Transactional
    public UserView update(ApiCaller caller, String username, UserChange change) {
        DashboardUser user = visible(caller, username);
        UserView before = user.view();
        apply(caller, user, change);
        UserView after = user.view();
        audit.record(caller, AuditAction.UPDATE, AuditedResource.USER, username, null, before,
                audit.with(after, "password_changed", change.password() != null));
        events.publishEvent(Change.callers()); // role, scope or password: every replica reads the user afresh
        return after;
    }

    @Transactional
    public void delete(ApiCaller caller, String username) {
        DashboardUser user = visible(caller, username);
        audit.record(caller, AuditAction.DELETE, AuditedResource.USER, username, null, user.view(), null);
        users.delete(user);
        events.publishEvent(Change.callers());
    }

    private void apply(ApiCaller caller, DashboardUser user, UserChange change) {
        SiteScope scope = change.scope() == null ? user.scope() : change.scope();
        scope.checkGrantableBy(caller);
        if (change.password() != null && change.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ProblemException.invalid("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt reads no further)");
        }
        user.update(change.role(), scope.allSites(), scope.siteIds(), clock.instant());
        if (change.password() != null) {
            user.changePassword(passwords.encode(change.password()), clock.instant());
        }
    }

    private DashboardUser visible(ApiCaller caller, String username) {
        return users.findById(username).filter(u -> u.withinScope(caller.allSites(), caller.siteIds()))
                .orElseThrow(() -> ProblemException.of(HttpStatus.NOT_FOUND, "user_not_found",
                        "No user '" + username + "'."));
    }

}
