package org.steambytes.ingestion.storage;

import java.util.List;
import org.steambytes.common.reading.Reading;

/**
 * Told about each write the pipeline made to the reading store, right after it returned (the readings
 * are readable from then on). Called on the pipeline's shipping thread: it must not block. A write
 * replayed after a crash is told again.
 */
@FunctionalInterface
public interface StoredReadingsListener {

    void stored(List<Reading> readings);
}
