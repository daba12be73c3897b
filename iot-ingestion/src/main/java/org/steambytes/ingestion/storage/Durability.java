package org.steambytes.ingestion.storage;

/** Where an accepted batch is safe: in InfluxDB, or in the local spool from which it will be replayed. */
public enum Durability {
    STORED, SPOOLED
}
