package org.steambytes.alerting.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.alerting.alert.AlertLifecycle;
import org.steambytes.alerting.alert.AlertSnapshot;
import org.steambytes.alerting.alert.Shelving;

/** frontend-api's way to acknowledge, shelve and unshelve an alert (internal token only). */
@RestController
class InternalAlertsController {

    record Acknowledgement(@NotBlank @Size(max = 128) String who, @Size(max = 2000) String note) {
    }

    record Shelve(@NotNull Instant until, @NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 128) String who) {
    }

    private final AlertLifecycle lifecycle;
    private final Shelving shelving;
    private final Clock clock;

    InternalAlertsController(AlertLifecycle lifecycle, Shelving shelving, Clock clock) {
        this.lifecycle = lifecycle;
        this.shelving = shelving;
        this.clock = clock;
    }

    @PostMapping("/internal/v1/alerts/{alertId}/acknowledge")
    AlertSnapshot acknowledge(@PathVariable UUID alertId, @Valid @RequestBody Acknowledgement acknowledgement) {
        return lifecycle.acknowledge(alertId, acknowledgement.who(), acknowledgement.note(), clock.instant());
    }

    @PostMapping("/internal/v1/alerts/{alertId}/shelve")
    AlertSnapshot shelve(@PathVariable UUID alertId, @Valid @RequestBody Shelve shelve) {
        return shelving.shelve(alertId, shelve.until(), shelve.reason(), shelve.who());
    }

    @DeleteMapping("/internal/v1/alerts/{alertId}/shelve")
    AlertSnapshot unshelve(@PathVariable UUID alertId, @RequestParam @NotBlank @Size(max = 128) String who) {
        return shelving.unshelve(alertId, who);
    }
}
