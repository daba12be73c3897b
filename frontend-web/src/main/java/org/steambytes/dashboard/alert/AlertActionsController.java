package org.steambytes.dashboard.alert;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.steambytes.dashboard.api.ApiCallFailed;
import org.steambytes.dashboard.api.FrontendApi;

/**
 * {@code POST /alerts/{alert_id}/acknowledge}, {@code /shelve} and {@code /unshelve} (operators and
 * admins; unshelve is frontend-api's {@code DELETE …/shelve}, docs/API.md "Shelving alerts"): forwarded
 * to frontend-api, then back to the site's page, or the alert's page when the form says
 * {@code return_to=alert} (post/redirect/get), with what happened. A refusal
 * frontend-api explains (409, 422) is shown there; a missing alert or site is a 404 page.
 */
@Controller
class AlertActionsController {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_SHELVE_HOURS = 7 * 24;

    private final FrontendApi api;
    private final Clock clock;

    AlertActionsController(FrontendApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @PostMapping("/alerts/{alertId}/acknowledge")
    String acknowledge(Principal user, @PathVariable UUID alertId, @RequestParam(name = "site_id") String siteId,
            @RequestParam(required = false) String note,
            @RequestParam(name = "return_to", required = false) String returnTo, RedirectAttributes flash) {
        try {
            api.acknowledge(user.getName(), alertId, note == null || note.isBlank() ? null : note.trim());
            flash.addFlashAttribute("notice", "Alert acknowledged.");
        } catch (ApiCallFailed e) {
            refused(e, flash);
        }
        return back(siteId, alertId, returnTo);
    }

    @PostMapping("/alerts/{alertId}/shelve")
    String shelve(Principal user, @PathVariable UUID alertId, @RequestParam(name = "site_id") String siteId,
            @RequestParam(defaultValue = "8") int hours, @RequestParam(defaultValue = "") String reason,
            @RequestParam(name = "return_to", required = false) String returnTo, RedirectAttributes flash) {
        if (hours < 1 || hours > MAX_SHELVE_HOURS) {
            flash.addFlashAttribute("problem", "Shelve for 1 to " + MAX_SHELVE_HOURS + " hours.");
            return back(siteId, alertId, returnTo);
        }
        if (reason.isBlank()) {
            flash.addFlashAttribute("problem", "Say why the alert is shelved.");
            return back(siteId, alertId, returnTo);
        }
        try {
            api.shelve(user.getName(), alertId, clock.instant().plus(Duration.ofHours(hours)), reason.trim());
            flash.addFlashAttribute("notice", "Alert shelved for " + hours + " h.");
        } catch (ApiCallFailed e) {
            refused(e, flash);
        }
        return back(siteId, alertId, returnTo);
    }

    @PostMapping("/alerts/{alertId}/unshelve")
    String unshelve(Principal user, @PathVariable UUID alertId, @RequestParam(name = "site_id") String siteId,
            @RequestParam(name = "return_to", required = false) String returnTo, RedirectAttributes flash) {
        try {
            api.unshelve(user.getName(), alertId);
            flash.addFlashAttribute("notice", "Alert unshelved: its e-mails go out again.");
        } catch (ApiCallFailed e) {
            refused(e, flash);
        }
        return back(siteId, alertId, returnTo);
    }

    /** 409/422/403 are told on the page; anything else (404, 503) is the error page. */
    private static void refused(ApiCallFailed e, RedirectAttributes flash) {
        if (e.status() == 409 || e.status() == 422 || e.status() == 403) {
            String detail = e.errors().isEmpty() ? e.detail()
                    : e.errors().get(0).field() + " " + e.errors().get(0).message();
            flash.addFlashAttribute("problem", detail.isBlank() ? "Refused (" + e.code() + ")." : detail);
            return;
        }
        throw e;
    }

    /** To the alert's page when the form came from it, else the site's page: a form cannot send the browser anywhere else. */
    private static String back(String siteId, UUID alertId, String returnTo) {
        if ("alert".equals(returnTo)) {
            return "redirect:/alerts/" + alertId;
        }
        return SLUG.matcher(siteId).matches() ? "redirect:/sites/" + siteId : "redirect:/";
    }
}
