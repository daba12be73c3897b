package org.steambytes.alerting;

import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.ArchitectureRules;

class AlertingArchitectureTests {

    @Test
    void followsTheProjectArchitectureRules() {
        ArchitectureRules.check("org.steambytes.alerting");
    }
}
