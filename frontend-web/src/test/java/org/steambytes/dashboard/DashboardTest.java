package org.steambytes.dashboard;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.steambytes.testsupport.RealStores;

/**
 * frontend-web on the real PostgreSQL and Redis, on a random port, calling the real frontend-api
 * started in this JVM ({@link InProcessFrontendApi}, on first use) with the shared internal token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DashboardTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void realStores(DynamicPropertyRegistry registry) {
        RealStores.register(registry);
        registry.add("steambytes.internal.token", () -> InProcessFrontendApi.INTERNAL_TOKEN);
        registry.add("steambytes.frontend-api-url", InProcessFrontendApi::url);
    }

    /** A new browser-like session from an address of its own. */
    protected WebSession browser() {
        return new WebSession(port).from(WebSession.randomAddress());
    }
}
