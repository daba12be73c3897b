package org.steambytes.analytics;

import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.ArchitectureRules;

class AnalyticsArchitectureTests {

    @Test
    void followsTheProjectArchitectureRules() {
        ArchitectureRules.check("org.steambytes.analytics");
    }
}
