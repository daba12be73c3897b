package org.steambytes.dashboard.site;

import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.steambytes.dashboard.api.Alert;
import org.steambytes.dashboard.api.AlertRule;
import org.steambytes.dashboard.api.Analytics;
import org.steambytes.dashboard.api.ApiCallFailed;
import org.steambytes.dashboard.api.FrontendApi;
import org.steambytes.dashboard.api.Sensor;
import org.steambytes.dashboard.api.Site;
import org.steambytes.dashboard.live.LiveFeed;

/**
 * {@code /sites/{site_id}}: the site's tiles, charts, analytics and active alerts. The stream
 * position is taken before the latest values, so the live feed (which replays from it) covers
 * every reading the page's data might have missed.
 */
@Controller
class SiteController {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final FrontendApi api;
    private final LiveFeed live;

    SiteController(FrontendApi api, LiveFeed live) {
        this.api = api;
        this.live = live;
    }

    @GetMapping("/sites/{siteId}")
    String site(Authentication user, @PathVariable String siteId, Model model) {
        if (!SLUG.matcher(siteId).matches()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        String name = user.getName();
        Site site = api.site(name, siteId); // 404 for a site outside the user's scope, passed on
        String position = live.position();
        List<Sensor> sensors = api.sensors(name, siteId);
        List<AlertRule> rules = api.alertRules(name, siteId);
        List<Alert> alerts = api.activeAlerts(name, siteId);
        Analytics analytics = analytics(name, siteId, model);
        model.addAttribute("site", site);
        model.addAttribute("streamPosition", position);
        List<Tile> tiles = SitePage.tiles(sensors, api.latest(name, siteId), rules, alerts, analytics);
        model.addAttribute("tiles", tiles);
        model.addAttribute("status", SiteStatus.of(tiles, alerts));
        model.addAttribute("alerts", alerts);
        model.addAttribute("analytics", analytics);
        model.addAttribute("ranges", ChartRange.PRESETS);
        model.addAttribute("canAct", canAct(user));
        return "site/site";
    }

    /**
     * {@code /sites/{site_id}/alerts}: the page's active-alerts section alone (HTML), fetched by the
     * page's script when the live feed reports an alert change of the site and on every (re)connect,
     * so what it shows is read through frontend-api as the user, like the page itself.
     */
    @GetMapping("/sites/{siteId}/alerts")
    String alerts(Authentication user, @PathVariable String siteId, Model model) {
        if (!SLUG.matcher(siteId).matches()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("site", api.site(user.getName(), siteId)); // 404 outside the user's scope, passed on
        model.addAttribute("alerts", api.activeAlerts(user.getName(), siteId));
        model.addAttribute("canAct", canAct(user));
        return "site/alerts :: alerts";
    }

    static boolean canAct(Authentication user) {
        return user.getAuthorities().stream().anyMatch(authority ->
                authority.getAuthority().equals("ROLE_OPERATOR") || authority.getAuthority().equals("ROLE_ADMIN"));
    }

    /** The analytics, or null with a reason on the page when they cannot be had now (the rest of the page still works). */
    private Analytics analytics(String user, String siteId, Model model) {
        try {
            return api.analytics(user, siteId);
        } catch (ApiCallFailed e) {
            if (e.notFound()) {
                throw e;
            }
            model.addAttribute("analyticsUnavailable", true);
            return null;
        }
    }
}
