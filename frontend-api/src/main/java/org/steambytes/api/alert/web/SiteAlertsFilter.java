package org.steambytes.api.alert.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.steambytes.api.alert.Alerts;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.web.DirectAnswers;
import org.steambytes.api.web.DirectJsonRead;
import org.steambytes.api.web.Pages;
import tools.jackson.databind.json.JsonMapper;

/**
 * A site's open or acknowledged alerts — what a dashboard and an on-call poller ask over and over — answered in the
 * security chain, after authorization, without Spring MVC's dispatch: {@link AlertsController#list}'s own call
 * ({@link Alerts#list}, first page of 50) and its answer — alert-service's document as it is, or the PostgreSQL page
 * written with the application's JSON mapper —, so the same bytes (docs/PERFORMANCE.md "Read path", fourth pass).
 *
 * <p>Only the plain request is answered here: {@code GET /api/v1/alerts?site_id=<site>&state=open|acknowledged}
 * exactly (both parameters once, in either order, nothing else; the site a plain value: nothing percent-encoded),
 * an authenticated caller, an {@code Accept} that JSON satisfies. Anything else — paging, severity, other states,
 * HEAD, another media type — and any error (a site the caller cannot see, PostgreSQL failing) goes on to Spring MVC
 * untouched, which answers it as before.
 */
public final class SiteAlertsFilter extends DirectJsonRead<SiteAlertsFilter.Query> {

    static final String PATTERN = "/api/v1/alerts";

    private final Alerts alerts;
    private final JsonMapper json;

    SiteAlertsFilter(Alerts alerts, JsonMapper json) {
        super(PATTERN);
        this.alerts = alerts;
        this.json = json;
    }

    /** A plain request's site and state. */
    record Query(String siteId, String state) {
    }

    @Override
    protected Query queryOf(HttpServletRequest request) {
        return plainQueryOf(request);
    }

    @Override
    protected byte[] answer(ApiCaller caller, Query query) {
        // As the controller asks: its @PageableDefault(size = 50), no sort, capped; no severity; JSON wanted.
        Alerts.Listing listing = alerts.list(caller, query.siteId(), query.state(), null,
                Pages.capped(PageRequest.of(0, 50)), true);
        return listing.json() != null ? listing.json() : json.writeValueAsBytes(new PagedModel<>(listing.page()));
    }

    /** The site and state of a plain {@code GET /api/v1/alerts?site_id=…&state=open|acknowledged}; null otherwise. */
    static Query plainQueryOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || !request.getContextPath().isEmpty()
                || !PATTERN.equals(request.getRequestURI())) {
            return null;
        }
        String queryString = request.getQueryString();
        if (queryString == null) {
            return null;
        }
        String[] parameters = queryString.split("&", -1);
        if (parameters.length != 2) {
            return null;
        }
        String siteId = null;
        String state = null;
        for (String parameter : parameters) {
            if (parameter.startsWith("site_id=") && siteId == null) {
                siteId = parameter.substring("site_id=".length());
            } else if (parameter.startsWith("state=") && state == null) {
                state = parameter.substring("state=".length());
            } else {
                return null;
            }
        }
        if (siteId == null || state == null || !DirectAnswers.plain(siteId, 0, siteId.length())
                || !(state.equals("open") || state.equals("acknowledged"))) {
            return null;
        }
        return new Query(siteId, state);
    }
}
