package org.steambytes.api.gateway.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.gateway.GatewayView;
import org.steambytes.api.gateway.Gateways;
import org.steambytes.api.web.Pages;

@RestController
@RequestMapping("/api/v1/sites/{siteId}/gateways")
class GatewaysController {

    record GatewayRequest(@NotBlank @Size(max = 100) String name) {
    }

    /** The only answer that ever carries the token. */
    record RegisteredGatewayResponse(UUID gatewayId, String token, GatewayView gateway) {
    }

    private final Gateways gateways;

    GatewaysController(Gateways gateways) {
        this.gateways = gateways;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RegisteredGatewayResponse> register(@AuthenticationPrincipal ApiCaller caller,
            @PathVariable String siteId, @Valid @RequestBody GatewayRequest request) {
        Gateways.RegisteredGateway registered = gateways.register(caller, siteId, request.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(new RegisteredGatewayResponse(
                registered.gatewayId(), registered.token(), registered.gateway()));
    }

    @GetMapping
    PagedModel<GatewayView> list(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @ParameterObject @PageableDefault(size = 100, sort = "createdAt", direction = Sort.Direction.ASC) Pageable pageable) {
        return new PagedModel<>(gateways.list(caller, siteId, Pages.capped(pageable)));
    }

    @DeleteMapping("/{gatewayId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@AuthenticationPrincipal ApiCaller caller, @PathVariable String siteId,
            @PathVariable UUID gatewayId) {
        gateways.revoke(caller, siteId, gatewayId);
        return ResponseEntity.noContent().build();
    }
}
