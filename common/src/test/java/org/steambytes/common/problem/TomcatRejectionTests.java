package org.steambytes.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.steambytes.common.security.BaselineSecurity;
import org.steambytes.common.security.InternalApiSettings;
import org.steambytes.common.security.ProblemSecurityHandlers;
import org.steambytes.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/**
 * Requests the embedded Tomcat rejects before Spring sees them answer problem+json like every other
 * error, on a real Tomcat with common's auto-configuration and a service's baseline security. Sent
 * as raw bytes, so no client normalises the URI first.
 */
@SpringBootTest(classes = TomcatRejectionTests.BoilerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // As in steambytes-common.yml: with it Boot adds an HTML error valve of its own to Tomcat.
        properties = "server.error.include-stacktrace=never")
class TomcatRejectionTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class})
    static class BoilerApplication {

        @Bean
        SecurityFilterChain security(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
            return BaselineSecurity.apply(http, new InternalApiSettings("test-internal-token-0123456789"), problems,
                    requests -> requests.requestMatchers("/boilers/**").permitAll()).build();
        }

        @Bean
        BoilerController boilerController() {
            return new BoilerController();
        }
    }

    @RestController
    static class BoilerController {

        @GetMapping("/boilers/{id}")
        String boiler() {
            return "boiler";
        }

        @GetMapping("/boilers/busy/now")
        void busy(HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_CONFLICT);
        }
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/boilers/a%2Fb", "/boilers/a%5Cb", "/boilers/a%00b", "/boilers/a%2fb", "/../boilers/1"})
    void answersPathsTomcatRejectsWithProblemJson(String path) {
        ServiceClient.Answer answer = client().raw("GET " + path + " HTTP/1.1");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("code").asString()).isEqualTo("bad_request");
        assertThat(problem.path("type").asString()).isEqualTo("urn:steambytes:problem:bad_request");
        assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asString()).isEqualTo(ProblemErrorReportValve.MALFORMED_REQUEST);
        assertThat(answer.body()).doesNotContain("Tomcat", "Exception", "html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /boilers/{1} HTTP/1.1", "GET /boilers/1 2 HTTP/1.1", "G(T /boilers/1 HTTP/1.1",
            "HELLO"})
    void answersMalformedRequestLinesWithProblemJson(String requestLine) {
        ServiceClient.Answer answer = client().raw(requestLine);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("bad_request");
    }

    @Test
    void answersAnUnsupportedHttpVersionWithItsOwnCode() {
        ServiceClient.Answer answer = client().raw("GET /boilers/1 HTTP/9.9");

        assertThat(answer.status()).as(answer.body()).isEqualTo(505);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asString()).isEqualTo("http_version_not_supported");
        assertThat(answer.json().path("detail").asString()).isEqualTo("HTTP Version not supported");
    }

    @Test
    void leavesErrorsSpringAnswersToItsErrorController() {
        ServiceClient.Answer sentError = client().raw("GET /boilers/busy/now HTTP/1.1");
        assertThat(sentError.status()).isEqualTo(409);
        assertThat(sentError.contentType()).startsWith("application/problem+json");
        assertThat(sentError.json().path("code").asString()).isEqualTo("conflict");
        assertThat(sentError.json().path("detail").asString()).isEqualTo("Conflict");

        // Spring Security's firewall, not Tomcat, refuses a path parameter: ProblemErrorController answers.
        ServiceClient.Answer firewalled = client().raw("GET /boilers/1;x=y HTTP/1.1");
        assertThat(firewalled.status()).isEqualTo(400);
        assertThat(firewalled.json().path("code").asString()).isEqualTo("bad_request");
        assertThat(firewalled.json().path("detail").asString()).isEqualTo("Bad Request");

        ServiceClient.Answer found = client().raw("GET /boilers/1 HTTP/1.1");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).isEqualTo("boiler");
    }

    private ServiceClient client() {
        return new ServiceClient(port);
    }
}
