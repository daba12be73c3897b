package org.steambytes.common;

import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.ArchitectureRules;

class CommonArchitectureTests {

    @Test
    void holdsNoServiceCodeAndFollowsTheProjectRules() {
        ArchitectureRules.check("org.steambytes.common");
    }
}
