package org.steambytes.dashboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;

/**
 * {@code /admin/mail} with {@code MAIL_CATCHER_URL} set (docs/ARCHITECTURE.md §6): an admin sees the caught
 * e-mails with their text, linked from the admin navigation; anyone else gets the 403 page. The catcher is
 * a stand-in answering what embedded-stores' {@code GET /mail} answers (that module's tests check the real one).
 */
class MailPageTests extends DashboardTest {

    private static final String CAUGHT = """
            [{"message_id":"<1@localhost>","from":"steambytes-alerts@localhost",\
            "to":["oncall@plant-a.example","boss@plant-a.example"],"subject":"[high] plant-a: steam pressure <above> 12 bar",\
            "text":"Steam pressure 12.8 bar\\nis above 12 bar.","received_at":"2026-12-07T00:55:17.593Z"}]""";
    private static HttpServer catcher;

    @DynamicPropertySource
    static void mailCatcher(DynamicPropertyRegistry registry) {
        registry.add("steambytes.mail-catcher-url", MailPageTests::catcherUrl);
    }

    private static synchronized String catcherUrl() {
        if (catcher == null) {
            try {
                catcher = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            catcher.createContext("/mail", exchange -> {
                byte[] body = CAUGHT.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            catcher.start();
        }
        return "http://127.0.0.1:" + catcher.getAddress().getPort();
    }

    @Test
    void anAdminSeesTheCaughtMailWithItsText() {
        WebSession admin = signedIn("admin");

        WebSession.Page page = admin.get("/admin/mail");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("[high] plant-a: steam pressure &lt;above&gt; 12 bar",
                "Steam pressure 12.8 bar\nis above 12 bar.", "oncall@plant-a.example, boss@plant-a.example",
                "2026-12-07T00:55:17.593Z");
        assertThat(admin.get("/admin/sites").body()).contains("href=\"/admin/mail\">Caught e-mail</a>");
    }

    @Test
    void noOneElseSeesIt() {
        for (String role : new String[] {"viewer", "operator"}) {
            WebSession.Page page = signedIn(role).get("/admin/mail");
            assertThat(page.status()).as(role).isEqualTo(403);
            assertThat(page.body()).as(role).doesNotContain("steam pressure");
        }
        assertThat(browser().get("/admin/mail").status()).as("signed out").isIn(302, 401);
    }

    private WebSession signedIn(String role) {
        WebSession browser = browser();
        String siteId = Fixtures.boilerHouse().siteId();
        assertThat(browser.signIn(DashboardUsersFixture.user(role, siteId), DashboardUsersFixture.PASSWORD).status())
                .isEqualTo(302);
        return browser;
    }
}
