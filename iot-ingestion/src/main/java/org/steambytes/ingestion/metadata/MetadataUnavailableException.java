package org.steambytes.ingestion.metadata;

import org.springframework.http.HttpStatus;
import org.steambytes.common.problem.ProblemException;

/** PostgreSQL cannot be read and nothing about this gateway or site is cached: ask the gateway to retry. */
public final class MetadataUnavailableException extends ProblemException {

    private MetadataUnavailableException(Exception cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "metadata_unavailable",
                "Gateway and sensor metadata cannot be read right now; retry shortly.", cause);
        withHeader("Retry-After", "5");
    }

    static MetadataUnavailableException of(Exception cause) {
        return new MetadataUnavailableException(cause);
    }
}
