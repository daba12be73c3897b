package org.steambytes.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;

/**
 * What every service promises about its health and its error answers, run by each service against
 * the real stores. Subclasses are {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} tests of
 * their application and name the stores their readiness depends on. The stores are reached through
 * {@link TcpProxy proxies} so that a test can take one away from the running service.
 */
public abstract class ServiceHealthContract {

    protected static final StoreProxies STORES = StoreProxies.start();
    protected static final String INTERNAL_TOKEN = TestSecrets.INTERNAL_TOKEN;
    /** An empty database of its own, so the service under test is seen migrating it from nothing. */
    private static final String EMPTY_DATABASE = RealStores.createEmptyDatabase("health");

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void realStoresThroughProxies(DynamicPropertyRegistry registry) {
        STORES.register(registry);
        registry.add("spring.datasource.url", () -> STORES.jdbcUrl(EMPTY_DATABASE));
        registry.add("steambytes.internal.token", () -> INTERNAL_TOKEN);
    }

    /** Health components that readiness must include: {@code db}, {@code redis}, and {@code influx} where used. */
    protected abstract List<String> readinessDependencies();

    protected ServiceClient client() {
        return new ServiceClient(port);
    }

    @Test
    void migratedItsEmptyDatabaseAtStartUp() throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(RealStores.jdbcUrl(EMPTY_DATABASE),
                RealStores.postgresUser(), RealStores.postgresPassword());
             var rs = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
    }

    @Test
    void reportsReadyWithEveryRealDependencyUp() {
        ServiceClient.Answer readiness = client().get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        for (String dependency : readinessDependencies()) {
            assertThat(readiness.json().path("components").path(dependency).path("status").asString())
                    .as("readiness component %s in %s", dependency, readiness.body()).isEqualTo("UP");
        }
        assertThat(client().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @TestFactory
    Stream<DynamicTest> turnsNotReadyNamingAStoppedDependency() {
        return readinessDependencies().stream().map(dependency -> dynamicTest(dependency + " stopped", () -> {
            TcpProxy proxy = STORES.forComponent(dependency);
            proxy.stop();
            try {
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    ServiceClient.Answer readiness = client().get("/actuator/health/readiness");
                    assertThat(readiness.status()).as(readiness.body()).isEqualTo(503);
                    JsonNode components = readiness.json().path("components");
                    assertThat(components.path(dependency).path("status").asString())
                            .as(readiness.body()).isEqualTo("DOWN");
                });
                // A stopped store makes the service unready, never dead: restarting it would not help.
                assertThat(client().get("/actuator/health/liveness").status()).isEqualTo(200);
            } finally {
                proxy.start();
            }
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(client().get("/actuator/health/readiness").status()).isEqualTo(200));
        }));
    }

    @Test
    void servesPrometheusMetricsOnlyToTheInternalToken() {
        ServiceClient.Answer anonymous = client().get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        ServiceClient.Answer internal = client().get("/actuator/prometheus", "Bearer " + INTERNAL_TOKEN);
        assertThat(internal.status()).isEqualTo(200);
        assertThat(internal.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void answersUnknownRoutesAndMissingCredentialsWithProblemJson() {
        ServiceClient.Answer anonymous = client().get("/no/such/route");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().path("status").asInt()).isEqualTo(401);
        assertThat(anonymous.json().path("title").asString()).isNotBlank();
        assertThat(anonymous.json().path("type").asString()).isEqualTo("urn:steambytes:problem:unauthenticated");

        ServiceClient.Answer unknown = client().get("/internal/v1/no-such-route", "Bearer " + INTERNAL_TOKEN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("code").asString()).isEqualTo("not_found");

        ServiceClient.Answer wrongToken = client().get("/internal/v1/no-such-route", "Bearer not-the-token");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** The internal token has no default (a secret in the repository would be everyone's): no token, no start. */
    @Test
    void refusesToStartWithoutTheInternalToken(@Autowired ApplicationContext running) {
        Class<?> application = ClassUtils.getUserClass(
                running.getBeansWithAnnotation(SpringBootApplication.class).values().iterator().next());
        List<String> arguments = new ArrayList<>();
        InProcessService.storeProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(List.of("--server.port=0", "--spring.jmx.enabled=false", "--steambytes.internal.token="));
        Throwable refused = catchThrowable(() -> new SpringApplicationBuilder(application).logStartupInfo(false)
                .run(arguments.toArray(String[]::new)).close());
        assertThat(refused).as("%s started without an internal token", application.getSimpleName()).isNotNull();
        assertThat(Stream.iterate(refused, Objects::nonNull, Throwable::getCause).map(String::valueOf))
                .anySatisfy(message -> assertThat(message).contains("steambytes.internal.token")
                        .contains("is not set: set STEAMBYTES_INTERNAL_TOKEN"));
    }

    @Test
    void answersRequestsTomcatRejectsItselfWithProblemJson() {
        for (String path : List.of("/api/v1/sites/a%2Fb", "/api/v1/sites/a%5Cb", "/api/v1/sites/a%00b")) {
            ServiceClient.Answer rejected = client().raw("GET " + path + " HTTP/1.1");
            assertThat(rejected.status()).as(path).isEqualTo(400);
            assertThat(rejected.contentType()).as(path).startsWith("application/problem+json");
            assertThat(rejected.json().path("code").asString()).as(path).isEqualTo("bad_request");
        }
    }
}
