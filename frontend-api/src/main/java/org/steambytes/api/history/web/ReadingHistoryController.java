package org.steambytes.api.history.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
}
