package org.steambytes.analytics;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.steambytes.testsupport.ServiceHealthContract;

/** ai-processor starts on the real stores (migrating an empty database, validating its JPA model) and reports its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steambytes.analytics.enabled=false") // no cycle beside the tests that drive it themselves
class AnalyticsHealthTests extends ServiceHealthContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "redis", "influx");
    }
}
