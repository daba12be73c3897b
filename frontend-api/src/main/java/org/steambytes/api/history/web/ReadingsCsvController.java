package org.steambytes.api.history.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.history.ExportQuery;
import org.steambytes.api.history.ReadingsExport;

/**
 * {@code GET /api/v1/sites/{site_id}/readings.csv}: streamed, never cached. Every refusal (404, 422) comes as
 * problem+json before the first byte; a failure after it ends the response abnormally (see
 * {@link ExportInterruptedException}).
 */
@RestController
class ReadingsCsvController {

    private static final Logger log = LoggerFactory.getLogger(ReadingsCsvController.class);

    private final ReadingsExport export;

    ReadingsCsvController(ReadingsExport export) {
        this.export = export;
    }

    @Operation(summary = "The site's readings as CSV (streamed)",
            description = "One row per bucket (time_utc, time_local, then one column per sensor; an empty cell where a"
                    + " sensor has no reading), parameters as for the JSON history plus sensor_id (repeated or"
                    + " comma-separated; default every sensor). Up to 367 days and 1,000,000 buckets. See docs/API.md \"Export\".",
            responses = @ApiResponse(responseCode = "200", description = "RFC 4180 CSV with a header row",
                    content = @Content(mediaType = "text/csv")))
    @GetMapping("/api/v1/sites/{siteId}/readings.csv")
    void readings(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String interval, @RequestParam(required = false) String aggregate,
            @RequestParam(name = "sensor_id", required = false) List<String> sensorIds,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        ReadingsExport.Download download = export.prepare(caller, siteId,
                new ExportQuery.Parameters(from, to, interval, aggregate, sensorIds));
        response.setContentType("text/csv;charset=UTF-8;header=present");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(download.filename()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (request.getMethod().equals("HEAD")) {
            return; // the headers say what a GET would send; reading a year of history to discard it helps nobody
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 16 * 1024);
        try {
            export.write(download.query(), out);
        } catch (RuntimeException | IOException failure) {
            log.warn("CSV export of {} ({} to {}) broken off after the status was sent: {}", siteId,
                    download.query().from(), download.query().to(), failure.toString());
            throw new ExportInterruptedException(failure);
        }
        out.flush();
    }

    /**
     * Found before the service's problem advice (which answers nothing on a committed response, so the
     * download would end as if complete); rethrowing hands the failure to the container, which aborts it.
     */
    @ExceptionHandler(ExportInterruptedException.class)
    void interrupted(ExportInterruptedException interrupted) {
        throw interrupted;
    }
}
