package org.steambytes.dashboard.admin;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every admin page's navigation needs: whether the caught-mail page exists ({@code MAIL_CATCHER_URL}). */
@ControllerAdvice(assignableTypes = {AdminController.class, MailController.class})
class AdminNavigation {

    private final MailCatcherClient mailCatcher;

    AdminNavigation(MailCatcherClient mailCatcher) {
        this.mailCatcher = mailCatcher;
    }

    @ModelAttribute("mailCatcher")
    boolean mailCatcher() {
        return mailCatcher.configured();
    }
}
