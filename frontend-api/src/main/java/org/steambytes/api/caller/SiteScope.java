package org.steambytes.api.caller;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.FieldProblem;
import org.steambytes.common.problem.ProblemException;

/**
 * Which sites a key or dashboard user reaches, as a request states it: {@code "all_sites": true} or a
 * {@code site_ids} list, never by leaving the list out (that would widen access by accident).
 */
public record SiteScope(boolean allSites, Set<String> siteIds) {

    /** Null when the request gives neither (required on create, "unchanged" on update). */
    public static SiteScope fromRequest(Boolean allSites, List<String> siteIds) {
        if (Boolean.TRUE.equals(allSites)) {
            if (siteIds != null && !siteIds.isEmpty()) {
                throw ProblemException.invalid("site_ids", "give either all_sites: true or site_ids, not both");
            }
            return new SiteScope(true, Set.of());
        }
        if (siteIds != null) {
            return new SiteScope(false, Set.copyOf(new HashSet<>(siteIds)));
        }
        if (Boolean.FALSE.equals(allSites)) {
            throw ProblemException.invalid("site_ids", "required when all_sites is false");
        }
        return null;
    }

    public static SiteScope required(SiteScope scope) {
        if (scope == null) {
            throw ProblemException.invalid("site_ids", "required: list the sites, or set all_sites: true");
        }
        return scope;
    }

    /** Refuses a scope the caller could not grant: all sites from a limited key, or a site it cannot see. */
    public void checkGrantableBy(ApiCaller caller) {
        if (allSites && !caller.allSites()) {
            throw ProblemException.of(HttpStatus.FORBIDDEN, "scope_exceeded",
                    "A key limited to some sites cannot grant all sites; list the site_ids.")
                    .withErrors(List.of(FieldProblem.of("all_sites", "beyond your own scope")));
        }
        List<FieldProblem> outside = siteIds.stream().sorted().filter(site -> !caller.canSee(site))
                .map(site -> FieldProblem.of("site_ids", "unknown site '" + site + "'")).toList();
        if (!outside.isEmpty()) {
            throw ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed",
                    "The scope reaches sites outside your own.").withErrors(outside);
        }
    }

}
