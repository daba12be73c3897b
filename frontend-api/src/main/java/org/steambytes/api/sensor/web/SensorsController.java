package org.steambytes.api.sensor.web;

import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.sensor.SensorView;
import org.steambytes.api.sensor.Sensors;
import org.steambytes.api.web.Pages;
import org.steambytes.common.problem.ProblemException;

@RestController
@RequestMapping("/api/v1/sites/{siteId}/sensors")
class SensorsController {

    private final Sensors sensors;

    SensorsController(Sensors sensors) {
        this.sensors = sensors;
    }

    @GetMapping
    PagedModel<SensorView> list(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @ParameterObject @PageableDefault(size = 100, sort = "sensorId", direction = Sort.Direction.ASC) Pageable pageable) {
        return new PagedModel<>(sensors.list(caller, siteId, Pages.capped(pageable)));
    }

    @GetMapping("/{sensorId}")
    SensorView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable String sensorId) {
        return sensors.get(caller, siteId, sensorId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SensorView> create(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @Valid @RequestBody SensorRequest request) {
        if (request.sensorId() == null) {
            throw ProblemException.invalid("sensor_id", "is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(sensors.create(caller, siteId, request.sensorId(), request.details()));
    }

    @PutMapping("/{sensorId}")
    SensorView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable String sensorId, @Valid @RequestBody SensorRequest request) {
        if (request.sensorId() != null && !request.sensorId().equals(sensorId)) {
            throw ProblemException.invalid("sensor_id", "cannot be changed");
        }
        return sensors.update(caller, siteId, sensorId, request::over);
    }

    @DeleteMapping("/{sensorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable String sensorId) {
        sensors.delete(caller, siteId, sensorId);
        return ResponseEntity.noContent().build();
    }
}
