package org.steambytes.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.Fixtures;
import org.steambytes.testsupport.Fixtures.SiteFixture;
import org.steambytes.testsupport.RealStores;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceClient.Answer;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.admin-password=admin password for tests")
class UsersApiTests {

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void ensuresTheWebAdminFromTheEnvironmentWithAHashedPassword() {
        String hash = Fixtures.countText("SELECT password_hash FROM users WHERE username = 'admin'");
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("admin password for tests");
        assertThat(passwords.matches("admin password for tests", hash)).isTrue();
        assertThat(Fixtures.countText("SELECT role || ',' || all_sites FROM users WHERE username = 'admin'"))
                .isEqualTo("admin,true");
    }

    @Test
    void managesUsersWithinTheKeysScopeNeverShowingPasswords() {
        SiteFixture a = Fixtures.boilerHouse();
        SiteFixture b = Fixtures.boilerHouse();
        String adminOfA = Fixtures.apiKey("admin", false, a.siteId());
        ServiceClient client = new ServiceClient(port);
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);

        Answer created = client.send("POST", "/api/v1/users", """
                {"username": "%s", "password": "correct horse battery", "role": "operator", "site_ids": ["%s"]}"""
                .formatted(username, a.siteId()), "X-API-Key", adminOfA);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("correct horse").doesNotContain("password");
        String hash = Fixtures.countText("SELECT password_hash FROM users WHERE username = '" + username + "'");
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();

        Answer otherSite = client.send("POST", "/api/v1/users", """
                {"username": "x-%s", "password": "correct horse battery", "role": "viewer", "site_ids": ["%s"]}"""
                .formatted(username, b.siteId()), "X-API-Key", adminOfA);
        assertThat(otherSite.status()).isEqualTo(422);
        Answer allSites = client.send("POST", "/api/v1/users", """
                {"username": "y-%s", "password": "correct horse battery", "role": "viewer", "all_sites": true}"""
                .formatted(username),
                "X-API-Key", adminOfA);
        assertThat(allSites.status()).isEqualTo(403);
        assertThat(client.send("GET", "/api/v1/users/admin", null, "X-API-Key", adminOfA).status()).isEqualTo(404);

        Answer tooShort = client.send("PUT", "/api/v1/users/" + username, """
                {"password": "short", "role": "viewer", "site_ids": ["%s"]}""".formatted(a.siteId()),
                "X-API-Key", adminOfA);
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
        assertThat(client.send("DELETE", "/api/v1/users/" + username, null, "X-API-Key", adminOfA).status())
                .isEqualTo(204);
    }
}
