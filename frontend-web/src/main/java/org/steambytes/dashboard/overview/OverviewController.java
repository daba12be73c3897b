package org.steambytes.dashboard.overview;

import java.security.Principal;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.steambytes.dashboard.api.FrontendApi;

/**
 * {@code /}: the user's sites from frontend-api's site summaries; sorting and filtering work without
 * JavaScript. {@code /overview/sites} is the same list alone (HTML), which the page's script fetches
 * every 15 s to keep status, open alerts and last reading current without a reload.
 */
@Controller
class OverviewController {

    private final FrontendApi api;

    OverviewController(FrontendApi api) {
        this.api = api;
    }

    @GetMapping("/")
    String overview(Principal user, @RequestParam(required = false) String sort,
            @RequestParam(name = "q", required = false) String filter, Model model) {
        sites(user, sort, filter, model);
        return "overview/overview";
    }

    @GetMapping("/overview/sites")
    String siteList(Principal user, @RequestParam(required = false) String sort,
            @RequestParam(name = "q", required = false) String filter, Model model) {
        sites(user, sort, filter, model);
        return "overview/overview :: sites";
    }

    private void sites(Principal user, String sort, String filter, Model model) {
        OverviewOrder order = OverviewOrder.parse(sort);
        model.addAttribute("sites", order.apply(api.siteSummaries(user.getName()), filter));
        model.addAttribute("sort", order.param());
        model.addAttribute("sorts", Arrays.stream(OverviewOrder.values()).map(OverviewOrder::param).toList());
        model.addAttribute("q", filter == null ? "" : filter);
    }
}
