package org.steambytes.dashboard;

import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.ArchitectureRules;

class DashboardArchitectureTests {

    @Test
    void followsTheProjectArchitectureRules() {
        ArchitectureRules.check("org.steambytes.dashboard");
    }
}
