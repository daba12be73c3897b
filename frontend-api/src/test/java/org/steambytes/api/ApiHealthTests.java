package org.steambytes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.steambytes.testsupport.ServiceClient;
import org.steambytes.testsupport.ServiceHealthContract;
import org.steambytes.testsupport.TcpProxy;

/** frontend-api starts on the real stores (migrating an empty database, validating its JPA model) and reports its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiHealthTests extends ServiceHealthContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db");
    }

    @Test
    void staysReadyWithRedisAwayForRedisIsOnlyItsCache() {
        TcpProxy redis = STORES.forComponent("redis");
        redis.stop();
        try {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                ServiceClient.Answer health = client().get("/actuator/health", "Bearer " + INTERNAL_TOKEN);
                assertThat(health.json().path("components").path("redis").path("status").asString())
                        .as("the health page still shows Redis").isEqualTo("DOWN");
            });
            ServiceClient.Answer readiness = client().get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        } finally {
            redis.start();
        }
    }
}
