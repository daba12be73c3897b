package org.steambytes.api.history.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.history.ReadingHistory;
import org.steambytes.common.history.History;
import org.steambytes.common.history.HistoryQuery;
import org.steambytes.common.history.SiteHistories;

@RestController
class ReadingHistoryController {

    private final ReadingHistory history;

    ReadingHistoryController(ReadingHistory history) {
        this.history = history;
    }

    /**
     * Every answer is marked {@code no-store}, so the response cache skips it: readings are iot-ingestion's
     * data, and a closed window can still change when a late reading arrives. ai-processor caches the closed
     * buckets itself, per site history generation (docs/ARCHITECTURE.md, "History cache"). The body is
     * ai-processor's JSON as it came (the same {@link History}), not read and written again.
     */
    @Operation(responses = @ApiResponse(responseCode = "200", description = "The bucketed history", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = History.class))))
    @GetMapping(path = "/api/v1/sites/{siteId}/sensors/{sensorId}/readings", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> readings(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable String sensorId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String interval,
            @RequestParam(required = false) String aggregate, @RequestParam(required = false) String tz) {
        byte[] answer = history.readJson(caller, siteId, sensorId,
                new HistoryQuery.Parameters(from, to, interval, aggregate, tz));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(answer);
    }

    /**
     * A site page's charts in one request: the per-sensor history of several sensors over one window, read
     * together by ai-processor (one HTTP hop, one Redis read, one store round trip). Never cached, like the
     * per-sensor answer; ai-processor's JSON passed on as it came.
     */
    @Operation(summary = "Several sensors' history over one window (one request for a page of charts)",
            description = "Parameters as for the per-sensor history plus sensor_id (repeated or comma-separated, each"
                    + " once in the order asked, at most 100; default every sensor of the site). Per sensor the same"
                    + " History as GET /sites/{site_id}/sensors/{sensor_id}/readings. See docs/API.md \"Several sensors\".",
            responses = @ApiResponse(responseCode = "200", description = "The histories", content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SiteHistories.class))))
    @GetMapping(path = "/api/v1/sites/{siteId}/readings", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> siteReadings(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @RequestParam(name = "sensor_id", required = false) List<String> sensorIds,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, @RequestParam(required = false) String aggregate,
            @RequestParam(required = false) String tz) {
        byte[] answer = history.readSiteJson(caller, siteId, sensorIds,
                new HistoryQuery.Parameters(from, to, interval, aggregate, tz));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(answer);
    }
}
