package org.steambytes.simulator;

import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.ArchitectureRules;

class SimulatorArchitectureTests {

    @Test
    void followsTheProjectArchitectureRules() {
        ArchitectureRules.check("org.steambytes.simulator");
    }
}
