package org.steambytes.dashboard.admin;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.steambytes.dashboard.admin.FormField.Choice;
import org.steambytes.dashboard.api.ApiCallFailed;
import org.steambytes.dashboard.api.FrontendApi;
import org.steambytes.dashboard.api.Site;
import org.steambytes.dashboard.page.Formats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin pages, one set per {@link ManagedResource}: {@code /admin/{sites|users|api-keys}} and
 * {@code /admin/sites/{site_id}/{sensors|gateways|alert-rules|maintenance-windows}}, each with a list,
 * {@code /new}, {@code /{id}/edit} and {@code /{id}/delete} (a confirmation; the change itself is a POST
 * with the CSRF token). Success redirects to the list with a notice (post/redirect/get); a refusal of
 * frontend-api (400, 403, 409, 422) shows the form again with what was typed and its messages; a site or
 * item outside the admin's scope is its 404. A created gateway's token or API key is shown on the answer to
 * the POST only, never stored, redirected or logged, and a reload of that answer creates nothing
 * ({@link SentForms}). The security chain lets only admins in.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

    private static final String GLOBAL = "/{family:sites|users|api-keys}";
    private static final String OF_SITE = "/sites/{siteId}/{family:sensors|gateways|alert-rules|maintenance-windows}";

    private final ManagedResources resources;
    private final AdminApi api;
    private final FrontendApi frontendApi;
    private final JsonMapper json;
    private final Formats formats;

    AdminController(ManagedResources resources, AdminApi api, FrontendApi frontendApi, JsonMapper json, Formats formats) {
        this.resources = resources;
        this.api = api;
        this.frontendApi = frontendApi;
        this.json = json;
        this.formats = formats;
    }

    @GetMapping({"", "/"})
    String home() {
        return "redirect:/admin/sites";
    }

    @GetMapping({GLOBAL, OF_SITE})
    String list(Principal user, @PathVariable String family, @PathVariable(required = false) String siteId, Model model) {
        Place place = place(user, family, siteId);
        List<ListRow> rows = new ArrayList<>();
        for (JsonNode row : api.list(user.getName(), place.resource(), siteId)) {
            rows.add(row(place, row));
        }
        model.addAttribute("rows", rows);
        return page(model, place, "admin/list");
    }

    @GetMapping({GLOBAL + "/new", OF_SITE + "/new"})
    String newForm(Principal user, @PathVariable String family, @PathVariable(required = false) String siteId,
            @RequestParam(required = false) String kind, Model model) {
        Place place = place(user, family, siteId);
        ManagedResource resource = place.resource();
        String chosen = resource.kinded() ? resource.kindOrDefault(kind) : null;
        FormValues values = FormValues.initial(resource.fieldsFor(chosen));
        return form(model, user, place, null, chosen == null ? values : values.with("kind", chosen), null);
    }

    @PostMapping({GLOBAL, OF_SITE})
    String create(Principal user, @PathVariable String family, @PathVariable(required = false) String siteId,
            @RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletResponse response,
            HttpSession session, RedirectAttributes flash) {
        Place place = place(user, family, siteId);
        ManagedResource resource = place.resource();
        FormValues values = FormValues.submitted(submitted);
        if (resource.secretField() != null && !SentForms.firstTime(session, values.first(SentForms.FIELD))) {
            // The browser sent the same form again (a reload of the page with the secret): nothing new is made.
            flash.addFlashAttribute("notice", "That form was sent already: the " + resource.singular()
                    + " was created then, and its secret was shown only that time.");
            return "redirect:" + place.path();
        }
        JsonNode created;
        try {
            created = api.create(user.getName(), resource, siteId, JsonBodies.of(resource,
                    resource.fieldsFor(values.first("kind")), values, true, place.zone(), json));
        } catch (ApiCallFailed refusal) {
            return refused(refusal, model, user, place, null, values, response);
        }
        if (resource.secretField() != null) {
            // Shown on this answer only: not in a redirect, a flash attribute (the session) or a log.
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("secret", created.path(resource.secretField()).asString(""));
            model.addAttribute("described", ManagedResources.describe(resource, created));
            return page(model, place, "admin/secret");
        }
        flash.addFlashAttribute("notice", resource.title(resource.singular()) + " "
                + ManagedResources.describe(resource, created) + " created.");
        return "redirect:" + place.path();
    }

    @GetMapping({GLOBAL + "/{id}/edit", OF_SITE + "/{id}/edit"})
    String editForm(Principal user, @PathVariable String family, @PathVariable(required = false) String siteId,
            @PathVariable String id, @RequestParam(required = false) String kind, Model model) {
        Place place = place(user, family, siteId);
        ManagedResource resource = place.resource();
        JsonNode current = existing(user, place, id, true);
        String chosen = resource.kinded() ? resource.kindOrDefault(kind != null ? kind : current.path("kind").asString("")) : null;
        FormValues values = FormValues.of(current, resource.fieldsFor(chosen), place.zone());
        return form(model, user, place, id, chosen == null ? values : values.with("kind", chosen), null);
    }

    @PostMapping({GLOBAL + "/{id}", OF_SITE + "/{id}"})
    String update(Principal user, @PathVariable String family, @PathVariable(required = false) String siteId,
            @PathVariable String id, @RequestParam MultiValueMap<String, String> submitted, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        Place place = place(user, family, siteId);
        ManagedResource resource = place.resource();
        if (!resource.editable()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        FormValues values = FormValues.submitted(submitted);
        JsonNode changed;
        try {
            changed = api.update(user.getName(), resource, siteId, id, JsonBodies.of(resource,
                    resource.fieldsFor(values.first("kind")), values, false, place.zone(), json));
        } catch (ApiCallFailed refusal) {
            return refused(refusal, model, user, place, id, values, response);
        }
        flash.addFlashAttribute("notice", resource.title(resource.singular()) + " "
                + ManagedResources.describe(resource, changed) + " saved.");
        return "redirect:" + place.path();
    }

    @GetMapping({GLOBAL + "/{id}/delete", OF_SITE + "/{id}/delete"})
    String confirmRemoval(Principal user, @PathVariable String family, @PathVariable(required = false) String siteId,
            @PathVariable String id, Model model) {
        Place place = place(user, family, siteId);
        model.addAttribute("row", row(place, existing(user, place, id, false)));
        return page(model, place, "admin/remove");
    }

    @PostMapping({GLOBAL + "/{id}/delete", OF_SITE + "/{id}/delete"})
    String remove(Principal user, @PathVariable String family, @PathVariable(required = false) String siteId,
            @PathVariable String id, @RequestParam(defaultValue = "false") boolean force, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        Place place = place(user, family, siteId);
        ManagedResource resource = place.resource();
        ListRow row = row(place, existing(user, place, id, false));
        try {
            api.remove(user.getName(), resource, siteId, id, force && resource.forcibleRemove());
        } catch (ApiCallFailed refusal) {
            if (refusal.status() == 403 || refusal.status() == 409 || refusal.status() == 422) {
                response.setStatus(refusal.status());
                model.addAttribute("row", row);
                model.addAttribute("problem", refusal.detail().isBlank() ? "Refused (" + refusal.code() + ")." : refusal.detail());
                return page(model, place, "admin/remove");
            }
            throw refusal;
        }
        flash.addFlashAttribute("notice", resource.title(resource.singular()) + " " + row.described() + " "
                + (resource.removeVerb().equals("Revoke") ? "revoked." : "deleted."));
        return "redirect:" + place.path();
    }

    /** The resource family at this path, and its site: frontend-api's 404 for a site outside the admin's scope. */
    private Place place(Principal user, String family, String siteId) {
        ManagedResource resource = resources.find(family, siteId != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Site site = siteId == null ? null : frontendApi.site(user.getName(), siteId);
        return new Place(resource, site);
    }

    private JsonNode existing(Principal user, Place place, String id, boolean forEditing) {
        if (forEditing && !place.resource().editable()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return api.find(user.getName(), place.resource(), place.siteId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** frontend-api's refusals that the admin can act on are shown on the form; anything else is the error page. */
    private String refused(ApiCallFailed refusal, Model model, Principal user, Place place, String id, FormValues values,
            HttpServletResponse response) {
        int status = refusal.status();
        if (status != 400 && status != 403 && status != 409 && status != 422) {
            throw refusal;
        }
        response.setStatus(status);
        return form(model, user, place, id, values, refusal);
    }

    private String form(Model model, Principal user, Place place, String id, FormValues values, ApiCallFailed refusal) {
        ManagedResource resource = place.resource();
        String kind = resource.kinded() ? resource.kindOrDefault(values.first("kind")) : null;
        List<FormField> fields = resource.fieldsFor(kind);
        List<Choice> sensors = fields.stream().anyMatch(f -> f.type() == FieldType.SENSOR)
                ? api.sensors(user.getName(), place.siteId()) : List.of();
        List<Choice> sites = fields.stream().anyMatch(f -> f.type() == FieldType.SCOPE)
                ? api.sites(user.getName()) : List.of();
        model.addAttribute("form", FormViews.of(fields, values, id == null, refusal, sensors, sites));
        model.addAttribute("kind", kind);
        model.addAttribute("itemId", id);
        model.addAttribute("action", id == null ? place.path() : place.path(id));
        model.addAttribute("formPath", id == null ? place.path("new") : place.path(id, "edit"));
        model.addAttribute("once", resource.secretField() != null && id == null ? SentForms.newForm() : null);
        return page(model, place, "admin/form");
    }

    private String page(Model model, Place place, String view) {
        model.addAttribute("place", place);
        model.addAttribute("resource", place.resource());
        model.addAttribute("site", place.site());
        model.addAttribute("siteResources", resources.ofSite());
        model.addAttribute("columns", place.resource().columns());
        return view;
    }

    private ListRow row(Place place, JsonNode row) {
        ManagedResource resource = place.resource();
        String id = resource.id(row);
        List<String> cells = resource.columns().stream().map(column -> cell(place, column, row)).toList();
        return new ListRow(id, ManagedResources.describe(resource, row), cells,
                resource.editable() ? place.path(id, "edit") : null,
                resource.active(row) ? place.path(id, "delete") : null,
                resource.family().equals("sites")
                        ? UriComponentsBuilder.fromPath("/admin/sites").pathSegment(id, "sensors").build().encode().toUriString()
                        : null);
    }

    private String cell(Place place, Column column, JsonNode row) {
        JsonNode value = row.path(column.field());
        return switch (column.shown()) {
            case TIME -> value.isString() ? formats.time(Instant.parse(value.asString()), place.zoneName()) : "–";
            case YES_NO -> value.asBoolean(false) ? "yes" : "no";
            case LIST -> joined(value);
            case SCOPE -> row.path("all_sites").asBoolean(false) ? "all sites" : joined(row.path("site_ids"));
            case TEXT -> value.isNull() || value.isMissingNode() ? "" : value.asString();
        };
    }

    private static String joined(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asString()));
        return items.isEmpty() ? "–" : String.join(", ", items);
    }
}
