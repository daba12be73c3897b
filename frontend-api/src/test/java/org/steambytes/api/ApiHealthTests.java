package org.steambytes.api;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.steambytes.testsupport.ServiceHealthContract;

/** frontend-api starts on the real stores (migrating an empty database, validating its JPA model) and reports its health. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiHealthTests extends ServiceHealthContract {

    @Override
    protected List<String> readinessDependencies() {
        return List.of("db", "redis");
    }
}
