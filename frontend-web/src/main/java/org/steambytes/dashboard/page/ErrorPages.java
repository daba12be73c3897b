package org.steambytes.dashboard.page;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** The one error page: a title and a sentence per status, never internals. */
final class ErrorPages {

    private ErrorPages() {
    }

    static String view(Model model, int status, String detail) {
        HttpStatus resolved = HttpStatus.resolve(status);
        model.addAttribute("status", status);
        model.addAttribute("title", switch (status) {
            case 404 -> "Not found";
            case 403 -> "Not allowed";
            case 429 -> "Too many requests";
            case 503 -> "Temporarily unavailable";
            default -> resolved != null ? resolved.getReasonPhrase() : "Error";
        });
        model.addAttribute("message", detail != null ? detail : switch (status) {
            case 404 -> "There is no such page, or it belongs to a site you do not have access to.";
            case 403 -> "Your role does not allow this. Ask an administrator if you need it.";
            case 503 -> "A service the dashboard depends on does not answer. Try again in a minute.";
            default -> status >= 500 ? "Something went wrong on our side; it has been logged." : "The request could not be handled.";
        });
        return "error/error";
    }
}
