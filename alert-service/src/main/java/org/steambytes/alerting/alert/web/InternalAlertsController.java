package org.steambytes.alerting.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.alert.AlertSnapshot;

/** frontend-api's way to acknowledge an alert (internal token only). */
@RestController
class InternalAlertsController {

    record Acknowledgement(@NotBlank @Size(max = 64) String who, @Size(max = 2000) String note) {
    }

    private final AlertLifecycle lifecycle;
    private final Clock clock;

    InternalAlertsController(AlertLifecycle lifecycle, Clock clock) {
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @PostMapping("/internal/v1/alerts/{alertId}/acknowledge")
    AlertSnapshot acknowledge(@PathVariable UUID alertId, @Valid @RequestBody Acknowledgement acknowledgement) {
        return lifecycle.acknowledge(alertId, acknowledgement.who(), acknowledgement.note(), clock.instant());
    }
}
