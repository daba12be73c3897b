package org.steambytes.api.user.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.api.caller.ApiCaller;
import org.steambytes.api.caller.SiteScope;
import org.steambytes.api.user.UserView;
import org.steambytes.api.user.Users;
import org.steambytes.api.web.Pages;

/**
 * {@code /users}: dashboard operators, managed by admin keys. The scope is {@code "all_sites": true} or a
 * {@code site_ids} list; an update that gives neither keeps the user's sites, one without a password keeps it.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    record NewUser(
            @NotNull @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$",
                    message = "must be lower-case letters, digits, '.', '_' or '-'") String username,
            @NotNull @Size(min = 12, max = 72, message = "must be 12 to 72 characters") String password,
            @NotNull @Pattern(regexp = "admin|operator|viewer", message = "must be admin, operator or viewer") String role,
            Boolean allSites,
            @Size(max = 1000) List<@NotBlank String> siteIds) {
    }

    record UserUpdate(
            @Size(min = 12, max = 72, message = "must be 12 to 72 characters") String password,
            @NotNull @Pattern(regexp = "admin|operator|viewer", message = "must be admin, operator or viewer") String role,
            Boolean allSites,
            @Size(max = 1000) List<@NotBlank String> siteIds) {
    }

    private final Users users;

    UsersController(Users users) {
        this.users = users;
    }

    @GetMapping
    PagedModel<UserView> list(@AuthenticationPrincipal ApiCaller caller, @ParameterObject Pageable pageable) {
        return new PagedModel<>(Pages.of(users.list(caller), pageable));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserView> create(@AuthenticationPrincipal ApiCaller caller, @Valid @RequestBody NewUser request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(users.create(caller, request.username(),
                new Users.UserChange(request.role(),
                SiteScope.required(SiteScope.fromRequest(request.allSites(), request.siteIds())), request.password())));
    }

    @GetMapping("/{username}")
    UserView get(@AuthenticationPrincipal ApiCaller caller, @PathVariable String username) {
        return users.get(caller, username);
    }

    @PutMapping("/{username}")
    UserView update(@AuthenticationPrincipal ApiCaller caller, @PathVariable String username,
            @Valid @RequestBody UserUpdate request) {
        return users.update(caller, username, new Users.UserChange(request.role(),
                SiteScope.fromRequest(request.allSites(), request.siteIds()), request.password()));
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@AuthenticationPrincipal ApiCaller caller, @PathVariable String username) {
        users.delete(caller, username);
        return ResponseEntity.noContent().build();
    }
}
