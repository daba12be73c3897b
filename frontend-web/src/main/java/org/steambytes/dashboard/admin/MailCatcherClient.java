package org.steambytes.dashboard.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.steambytes.dashboard.DashboardProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the caught e-mails from the embedded run's mail catcher ({@code MAIL_CATCHER_URL}, docs/ARCHITECTURE.md
 * §6). Absent when the variable is blank, as in the full mode, where a real SMTP server takes the mail.
 */
@Component
class MailCatcherClient {

    private final Optional<RestClient> http;
    private final JsonMapper json;

    MailCatcherClient(RestClient.Builder builder, DashboardProperties properties, JsonMapper json) {
        String url = properties.mailCatcherUrl();
        this.http = url == null || url.isBlank() ? Optional.empty() : Optional.of(builder.clone().baseUrl(url).build());
        this.json = json;
    }

    boolean configured() {
        return http.isPresent();
    }

    /** Newest first, as the catcher lists them. */
    List<CaughtMail> caught() {
        String body = http.orElseThrow().get().uri("/mail").retrieve().body(String.class);
        List<CaughtMail> mails = new ArrayList<>();
        for (JsonNode mail : json.readTree(body == null ? "[]" : body)) {
            List<String> to = new ArrayList<>();
            mail.path("to").forEach(address -> to.add(address.asString("")));
            mails.add(new CaughtMail(mail.path("from").asString(""), to, mail.path("subject").asString(""),
                    mail.path("text").asString(""), mail.path("received_at").asString("")));
        }
        return mails;
    }
}
