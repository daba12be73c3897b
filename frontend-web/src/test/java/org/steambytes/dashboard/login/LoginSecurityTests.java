package org.steambytes.dashboard.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.steambytes.dashboard.DashboardApplication;
import org.steambytes.dashboard.DashboardTest;
import org.steambytes.dashboard.DashboardUsersFixture;
import org.steambytes.dashboard.InProcessFrontendApi;
import org.steambytes.dashboard.WebSession;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.InProcessService;

/**
 * Signing in against the real users table (bcrypt as frontend-api stores it), sessions in the real
 * Redis under frontend_web:, CSRF, cookie flags and throttling, over real HTTP through Tomcat.
 * None of these needs frontend-api to accept user tokens: an authenticated request to an unknown
 * page answers the HTML 404 page, an anonymous one is sent to /login.
 */
class LoginSecurityTests extends DashboardTest {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void signsInWithTheBcryptPasswordFrontendApiStoredAndKeepsTheSessionInRedisUnderFrontendWeb() {
        String user = DashboardUsersFixture.user("viewer");
        WebSession browser = browser();

        WebSession.Page signedIn = browser.signIn(user, DashboardUsersFixture.PASSWORD);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/");
        assertThat(redis.hasKey("frontend_web:sessions:" + sessionId(browser))).isTrue();
        assertThat(browser.get("/no-such-page").status()).as("authenticated: the HTML 404, not the sign-in").isEqualTo(404);
    }

    @Test
    void saysTheSameForAWrongPasswordAnUnknownUserAndADisabledUser() {
        String user = DashboardUsersFixture.user("operator");
        String disabled = DashboardUsersFixture.user("admin");
        DashboardUsersFixture.disable(disabled);

        for (List<String> attempt : List.of(List.of(user, "not the password"), List.of("nobody-" + UUID.randomUUID(),
                DashboardUsersFixture.PASSWORD), List.of(disabled, DashboardUsersFixture.PASSWORD))) {
            WebSession browser = browser();
            WebSession.Page refused = browser.signIn(attempt.get(0), attempt.get(1));
            assertThat(refused.status()).as(attempt.get(0)).isEqualTo(302);
            assertThat(refused.header("Location")).as(attempt.get(0)).endsWith("/login?error");
            WebSession.Page page = browser.get("/login?error");
            assertThat(page.body()).contains("Wrong user name or password.").doesNotContain("disabled");
            assertThat(browser.get("/no-such-page").status()).isEqualTo(302);
        }
    }

    @Test
    void neverAcceptsAStoredHashThatIsNotBcrypt() {
        String user = "noop-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.user(user, "admin"); // password_hash '{noop}-'
        WebSession.Page refused = browser().signIn(user, "-");
        assertThat(refused.header("Location")).endsWith("/login?error");
    }

    @Test
    void throttlesAUserAfterFiveFailuresWithAGrowingWaitAndA429() throws InterruptedException {
        String user = DashboardUsersFixture.user("viewer");
        for (int i = 0; i < 5; i++) {
            // from different addresses: the user's own count throttles, not the address's
            assertThat(browser().signIn(user, "wrong " + i).header("Location")).endsWith("/login?error");
        }

        WebSession browser = browser();
        WebSession.Page throttled = browser.signIn(user, DashboardUsersFixture.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(throttled.body()).contains("Too many failed sign-ins");
        assertThat(browser.get("/no-such-page").status()).as("not signed in").isEqualTo(302);

        String other = DashboardUsersFixture.user("viewer");
        assertThat(browser().signIn(other, DashboardUsersFixture.PASSWORD).status()).as("other users go on").isEqualTo(302);

        Thread.sleep(Duration.ofSeconds(2).plusMillis(300).toMillis()); // the first wait (2 s) is over
        WebSession later = browser();
        assertThat(later.signIn(user, DashboardUsersFixture.PASSWORD).header("Location")).endsWith("/");
    }

    @Test
    void throttlesAnAddressAfterTwentyFailuresWhateverTheUserName() {
        String address = WebSession.randomAddress();
        for (int i = 0; i < 20; i++) {
            new WebSession(port).from(address).signIn("guess-" + i + "-" + UUID.randomUUID().toString().substring(0, 6), "x");
        }
        String user = DashboardUsersFixture.user("viewer");
        assertThat(new WebSession(port).from(address).signIn(user, DashboardUsersFixture.PASSWORD).status()).isEqualTo(429);
        assertThat(browser().signIn(user, DashboardUsersFixture.PASSWORD).status()).as("another address").isEqualTo(302);
    }

    @Test
    void refusesStateChangingRequestsWithoutTheCsrfToken() {
        WebSession anonymous = browser();
        anonymous.get("/login");
        String user = DashboardUsersFixture.user("operator");
        assertThat(anonymous.post("/login", List.of("username", user, "password", DashboardUsersFixture.PASSWORD)).status())
                .as("sign-in without the token").isEqualTo(403);

        WebSession browser = browser();
        browser.signIn(user, DashboardUsersFixture.PASSWORD);
        browser.get("/login"); // any page with a form carries the session's token
        String alert = UUID.randomUUID().toString();
        assertThat(browser.post("/alerts/" + alert + "/acknowledge", List.of("site_id", "plant-a")).status()).isEqualTo(403);
        assertThat(browser.post("/alerts/" + alert + "/shelve", List.of("site_id", "plant-a", "hours", "1", "reason", "x"))
                .status()).isEqualTo(403);
        assertThat(browser.post("/logout", List.of()).status()).isEqualTo(403);
        assertThat(browser.get("/no-such-page").status()).as("still signed in").isEqualTo(404);
    }

    @Test
    void letsNoViewerAcknowledgeOrShelveEvenWithTheToken() {
        WebSession viewer = browser();
        viewer.signIn(DashboardUsersFixture.user("viewer"), DashboardUsersFixture.PASSWORD);
        viewer.get("/login");
        String alert = UUID.randomUUID().toString();
        assertThat(viewer.postWithCsrf("/alerts/" + alert + "/acknowledge", List.of("site_id", "plant-a")).status())
                .isEqualTo(403);
        assertThat(viewer.postWithCsrf("/alerts/" + alert + "/shelve", List.of("site_id", "plant-a", "hours", "1",
                "reason", "x")).status()).isEqualTo(403);
    }

    @Test
    void setsHttpOnlyLaxCookiesThatAreSecureOnlyOverHttps() {
        String user = DashboardUsersFixture.user("viewer");
        WebSession plain = browser();
        plain.get("/login");
        String cookie = sessionCookie(plain.signIn(user, DashboardUsersFixture.PASSWORD));
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

        WebSession proxied = browser();
        proxied.get("/login", "X-Forwarded-Proto", "https");
        WebSession.Page signedIn = proxied.postWithCsrf("/login", List.of("username", user, "password",
                DashboardUsersFixture.PASSWORD), "X-Forwarded-Proto", "https");
        assertThat(signedIn.header("Location")).startsWith("https://");
        assertThat(sessionCookie(signedIn)).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Secure");
    }

    @Test
    void sendsBrowsersToSignInAndBackToThePageTheyAskedForButAnswersScripts401() {
        WebSession browser = browser();
        WebSession.Page asked = browser.get("/sites/plant-x");
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.header("Location")).endsWith("/login");
        WebSession.Page signedIn = browser.signIn(DashboardUsersFixture.user("viewer"), DashboardUsersFixture.PASSWORD);
        assertThat(signedIn.header("Location")).endsWith("/sites/plant-x?continue");

        WebSession.Page script = new WebSession(port).get("/sites/plant-x/sensors/s1/history", "Accept", "application/json");
        assertThat(script.status()).isEqualTo(401);
        assertThat(script.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void signsOutRemovingTheSessionFromRedis() {
        WebSession browser = browser();
        browser.signIn(DashboardUsersFixture.user("viewer"), DashboardUsersFixture.PASSWORD);
        String id = sessionId(browser);
        browser.get("/login");
        WebSession.Page out = browser.postWithCsrf("/logout", List.of());
        assertThat(out.header("Location")).endsWith("/login?logout");
        assertThat(redis.hasKey("frontend_web:sessions:" + id)).isFalse();
        assertThat(browser.get("/no-such-page").status()).isEqualTo(302);
    }

    @Test
    void keepsTheSessionAcrossARestartBecauseAnyInstanceReadsItFromRedis() {
        WebSession browser = browser();
        browser.signIn(DashboardUsersFixture.user("viewer"), DashboardUsersFixture.PASSWORD);

        ConfigurableApplicationContext restarted = InProcessService.start(DashboardApplication.class, "frontend-web",
                Map.of("steambytes.internal.token", InProcessFrontendApi.INTERNAL_TOKEN,
                        "steambytes.frontend-api-url", InProcessFrontendApi.url()));
        try {
            WebSession sameCookie = new WebSession(InProcessService.port(restarted)).from(WebSession.randomAddress());
            sameCookie.cookie("SESSION", browser.cookie("SESSION"));
            assertThat(sameCookie.get("/no-such-page").status()).as("signed in on the other instance").isEqualTo(404);
        } finally {
            restarted.close();
        }
    }

    private static String sessionId(WebSession browser) {
        return new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
    }

    private static String sessionCookie(WebSession.Page page) {
        return page.all("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
    }
}
