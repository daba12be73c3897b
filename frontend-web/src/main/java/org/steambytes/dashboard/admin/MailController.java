package org.steambytes.dashboard.admin;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/mail}: the e-mails the embedded run's mail catcher caught, with their text, so a newcomer
 * sees an alert e-mail arrive (docs/ARCHITECTURE.md §6). Admins only (the security chain guards
 * {@code /admin/**}); a 404 when {@code MAIL_CATCHER_URL} is not set.
 */
@Controller
class MailController {

    private final MailCatcherClient mailCatcher;

    MailController(MailCatcherClient mailCatcher) {
        this.mailCatcher = mailCatcher;
    }

    @GetMapping("/admin/mail")
    String caughtMail(Model model) {
        if (!mailCatcher.configured()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            model.addAttribute("mails", mailCatcher.caught());
        } catch (RestClientException e) {
            model.addAttribute("mails", java.util.List.of());
            model.addAttribute("problem", "The mail catcher does not answer (" + e.getMessage() + ").");
        }
        return "admin/mail";
    }
}
