package org.steambytes.ingestion.reading;

import java.util.UUID;

/** The answer to an accepted batch: how many readings are now durable, and the batch's id in the ingestion log. */
public record AcceptedBatch(int accepted, UUID batchId) {
}
