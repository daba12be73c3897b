package org.steambytes.dashboard.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.steambytes.dashboard.api.Alert;
import org.steambytes.dashboard.api.AlertPage;
import org.steambytes.dashboard.api.FrontendApi;
import org.steambytes.dashboard.api.SiteSummary;

/**
 * {@code /alerts}: the user's alerts filtered by state (default open and acknowledged), site and
 * severity through a plain GET form, newest first, paged (unknown states, severities and sites, and a
 * page that is not a number, are ignored rather than refused); {@code /alerts/{alert_id}}: one alert with
 * its timeline and, for operators and admins, the acknowledge and shelve forms. An alert of a site
 * outside the user's scope is frontend-api's 404, passed on.
 */
@Controller
class AlertPagesController {

    static final List<String> STATES = List.of("open", "acknowledged", "resolved");
    static final List<String> DEFAULT_STATES = List.of("open", "acknowledged");
    static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE = 9; // merged states read at most 500 alerts per state

    private final FrontendApi api;

    AlertPagesController(FrontendApi api) {
        this.api = api;
    }

    @GetMapping("/alerts")
    String alerts(Authentication user, @RequestParam(name = "state", required = false) List<String> state,
            @RequestParam(name = "site_id", required = false) String siteId,
            @RequestParam(name = "severity", required = false) List<String> severity,
            @RequestParam(name = "page", required = false) String page, Model model) {
        List<String> states = known(state, STATES);
        if (states.isEmpty()) {
            states = DEFAULT_STATES;
        }
        List<String> severities = known(severity, SEVERITIES);
        Map<String, SiteSummary> sites = new LinkedHashMap<>();
        for (SiteSummary site : api.siteSummaries(user.getName())) {
            sites.put(site.siteId(), site);
        }
        String site = siteId == null || siteId.isBlank() || !sites.containsKey(siteId) ? null : siteId;
        int shown = Math.max(0, Math.min(pageNumber(page), MAX_PAGE));
        AlertPage alerts = api.alerts(user.getName(), site, states.size() == STATES.size() ? List.of() : states,
                severities, shown, PAGE_SIZE);
        model.addAttribute("alerts", alerts.alerts());
        model.addAttribute("sites", sites);
        model.addAttribute("states", STATES);
        model.addAttribute("severities", SEVERITIES);
        model.addAttribute("chosenStates", states);
        model.addAttribute("chosenSeverities", severities);
        model.addAttribute("siteId", site);
        model.addAttribute("page", shown);
        model.addAttribute("hasPrevious", shown > 0);
        model.addAttribute("hasNext", alerts.hasNext() && shown < MAX_PAGE);
        return "alert/alerts";
    }

    @GetMapping("/alerts/{alertId}")
    String alert(Authentication user, @PathVariable String alertId, Model model) {
        UUID id;
        try {
            id = UUID.fromString(alertId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Alert alert = api.alert(user.getName(), id); // 404 for an alert of a site outside the user's scope, passed on
        model.addAttribute("alert", alert);
        model.addAttribute("site", api.site(user.getName(), alert.siteId()));
        model.addAttribute("timeline", api.alertEvents(user.getName(), id));
        model.addAttribute("canAct", user.getAuthorities().stream().anyMatch(authority ->
                authority.getAuthority().equals("ROLE_OPERATOR") || authority.getAuthority().equals("ROLE_ADMIN")));
        return "alert/alert";
    }

    /** The page asked for; anything but a number is the first (a hand-edited link shows the list, not an error). */
    static int pageNumber(String page) {
        try {
            return page == null ? 0 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The values asked for that are known (comma-separated or repeated), in the known order. */
    static List<String> known(List<String> asked, List<String> known) {
        List<String> values = new ArrayList<>();
        if (asked != null) {
            for (String value : asked) {
                for (String part : value.split(",")) {
                    values.add(part.strip());
                }
            }
        }
        return known.stream().filter(values::contains).toList();
    }
}
