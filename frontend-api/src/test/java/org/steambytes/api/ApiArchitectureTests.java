package org.steambytes.api;

import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.ArchitectureRules;

class ApiArchitectureTests {

    @Test
    void followsTheProjectArchitectureRules() {
        ArchitectureRules.check("org.steambytes.api");
    }
}
