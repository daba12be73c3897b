package org.steambytes.dashboard.live;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.steambytes.dashboard.api.FrontendApi;

/**
 * {@code GET /sites/{site_id}/live}: the site's readings as Server-Sent Events. The site is checked
 * with frontend-api first (outside the user's sites: 404, as everywhere). The browser's automatic
 * reconnect sends {@code Last-Event-ID}; the first connect passes the page's stream position as
 * {@code ?after=}.
 */
@Controller
class LiveController {

    private final LiveFeed feed;
    private final FrontendApi api;

    LiveController(LiveFeed feed, FrontendApi api) {
        this.feed = feed;
        this.api = api;
    }

    @GetMapping(path = "/sites/{siteId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter live(Principal user, @PathVariable String siteId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "after", required = false) String after, HttpServletResponse response) {
        api.site(user.getName(), siteId); // 404 (passed on) for a site outside the user's scope
        response.setHeader("X-Accel-Buffering", "no"); // a buffering proxy would hold events back
        response.setHeader("Cache-Control", "no-store");
        return feed.subscribe(user.getName(), siteId, lastEventId != null ? lastEventId : after);
    }
}
