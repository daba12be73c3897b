package org.steambytes.ingestion.reading.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.ingestion.IngestionProperties;
import org.steambytes.ingestion.gateway.Gateway;
import org.steambytes.ingestion.gateway.InfluxCredentials;
import org.steambytes.ingestion.reading.LineIntake;
import org.steambytes.ingestion.reading.LineRejections;
import org.steambytes.ingestion.reading.TimePrecision;

/**
 * InfluxDB's write endpoints, so InfluxDB client libraries and Telegraf write line protocol here
 * unchanged: {@code POST /write} (1.x) and {@code POST /api/v2/write} (2.x), 204 once durable, errors as
 * InfluxDB answers them ({@code {"error": "..."}}, plus {@code code} and {@code message} on 2.x).
 * {@code db} / {@code bucket}, when given, must be the gateway's site; {@code org}, {@code rp} and
 * {@code consistency} are ignored. {@code GET /ping} answers 204 like InfluxDB's, without credentials.
 */
@RestController
class InfluxWriteController {

    static final String VERSION = "1.8-steambytes";

    private final LineIntake intake;
    private final int maxBytes;

    InfluxWriteController(LineIntake intake, IngestionProperties properties) {
        this.intake = intake;
        this.maxBytes = (int) properties.ingestion().maxBytes().toBytes();
    }

    @PostMapping("/write")
    ResponseEntity<Void> writeV1(@AuthenticationPrincipal Gateway gateway, HttpServletRequest request)
            throws IOException {
        return write(gateway, request, "db");
    }

    @PostMapping("/api/v2/write")
    ResponseEntity<Void> writeV2(@AuthenticationPrincipal Gateway gateway, HttpServletRequest request)
            throws IOException {
        return write(gateway, request, "bucket");
    }

    @RequestMapping(path = "/ping", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().header("X-Influxdb-Version", VERSION).build();
    }

    private ResponseEntity<Void> write(Gateway gateway, HttpServletRequest request, String siteParameter)
            throws IOException {
        Map<String, String> query = InfluxCredentials.query(request);
        String database = query.get(siteParameter);
        if (database != null && !database.isEmpty() && !database.equals(gateway.siteId())
                && !database.startsWith(gateway.siteId() + "/")) {
            throw LineRejections.foreignDatabase(database, gateway.siteId());
        }
        TimePrecision precision = TimePrecision.of(query.get("precision"));
        if (precision == null) {
            throw LineRejections.unknownPrecision(query.get("precision"));
        }
        RequestBody body = RequestBody.read(request, maxBytes);
        intake.accept(gateway, body.bytes(), body.length(), precision);
        return ResponseEntity.noContent().header("X-Influxdb-Version", VERSION).build();
    }

    /** Every refusal in InfluxDB's shape; 2.x clients read {@code message}, 1.x clients {@code error}. */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<Map<String, String>> refused(ErrorResponseException e, HttpServletRequest request) {
        String message = e.getBody().getDetail();
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(e.getHeaders());
        headers.set("X-Influxdb-Error", message.replaceAll("[^\\x20-\\x7e]", "?"));
        headers.set("X-Influxdb-Version", VERSION);
        Map<String, String> body = request.getRequestURI().startsWith("/api/v2/")
                ? Map.of("code", v2Code(e.getStatusCode().value()), "message", message, "error", message)
                : Map.of("error", message);
        return ResponseEntity.status(e.getStatusCode()).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /** InfluxDB 2's error codes by status. */
    private static String v2Code(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 413 -> "request too large";
            case 503 -> "unavailable";
            default -> "internal error";
        };
    }
}
