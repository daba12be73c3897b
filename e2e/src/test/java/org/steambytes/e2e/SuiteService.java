package org.steambytes.e2e;

/** The five services of the suite, by their Maven module (docs/ARCHITECTURE.md §1, ports in §3). */
enum SuiteService {

    FRONTEND_WEB("frontend-web"),
    FRONTEND_API("frontend-api"),
    IOT_INGESTION("iot-ingestion"),
    AI_PROCESSOR("ai-processor"),
    ALERT_SERVICE("alert-service");

    private final String module;

    SuiteService(String module) {
        this.module = module;
    }

    String module() {
        return module;
    }

    @Override
    public String toString() {
        return module;
    }
}
