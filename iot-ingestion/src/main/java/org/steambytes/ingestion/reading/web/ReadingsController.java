package org.steambytes.ingestion.reading.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.ingestion.IngestionProperties;
import org.steambytes.ingestion.gateway.Gateway;
import org.steambytes.ingestion.reading.AcceptedBatch;
import org.steambytes.ingestion.reading.ReadingIntake;

/** {@code POST /api/v1/readings}: a gateway's batch; 202 once durable. */
@RestController
class ReadingsController {

    private final ReadingIntake intake;
    private final int maxBytes;

    ReadingsController(ReadingIntake intake, IngestionProperties properties) {
        this.intake = intake;
        this.maxBytes = (int) properties.ingestion().maxBytes().toBytes();
    }

    @PostMapping(path = "/api/v1/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AcceptedBatch> accept(@AuthenticationPrincipal Gateway gateway, HttpServletRequest request)
            throws IOException {
        RequestBody body = RequestBody.read(request, maxBytes);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(intake.accept(gateway, body.bytes(), body.length()));
    }
}
