package org.steambytes.api.apikey.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.apikey.ApiKeys;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.ApiRole;
import org.steambytes.api.caller.SiteScope;
import org.steambytes.api.web.Pages;

/** {@code /api-keys}: admin keys issue, list and revoke keys within their own scope. */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeysController {

    /** The scope is {@code "all_sites": true} or a {@code site_ids} list; one of them is required. */
    record KeyRequest(@NotBlank @Size(max = 100) String name,
            @NotNull @Pattern(regexp = "reader|operator|admin", message = "must be reader, operator or admin") String role,
            Boolean allSites,
            @Size(max = 1000) List<@NotBlank String> siteIds) {
    }

    record IssuedKeyResponse(UUID keyId, String key, ApiKeys.KeyView details) {
    }

    private final ApiKeys keys;

    ApiKeysController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<IssuedKeyResponse> issue(@AuthenticationPrincipal ApiCaller caller,
            @Valid @RequestBody KeyRequest request) {
        ApiKeys.IssuedKey issued = keys.issue(caller, request.name(), ApiRole.of(request.role()),
                SiteScope.required(SiteScope.fromRequest(request.allSites(), request.siteIds())));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedKeyResponse(issued.keyId(), issued.key(), issued.details()));
    }

    @GetMapping
    PagedModel<ApiKeys.KeyView> list(@AuthenticationPrincipal ApiCaller caller, @ParameterObject Pageable pageable) {
        return new PagedModel<>(Pages.of(keys.list(caller), pageable));
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@AuthenticationPrincipal ApiCaller caller, @PathVariable UUID keyId) {
        keys.revoke(caller, keyId);
        return ResponseEntity.noContent().build();
    }
}
