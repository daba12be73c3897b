package org.steambytes.alerting;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.steambytes.testsupport.ServiceHealthContract;

/** alert-service starts on the real stores (migrating an empty database, validating its JPA model) and reports its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steambytes.stream.enabled=false", "steambytes.analytics.enabled=false"}) // its own empty database: nothing to evaluate
class AlertingHealthTests extends ServiceHealthContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "redis");
    }
}
