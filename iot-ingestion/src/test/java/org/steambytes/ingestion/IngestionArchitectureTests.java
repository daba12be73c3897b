package org.steambytes.ingestion;

import org.junit.jupiter.api.Test;
import org.steambytes.testsupport.ArchitectureRules;

class IngestionArchitectureTests {

    @Test
    void followsTheProjectArchitectureRules() {
        ArchitectureRules.check("org.steambytes.ingestion");
    }
}
