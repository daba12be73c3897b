package org.steambytes.ingestion.storage;

/** The spool has reached its configured size: new batches must be refused (503) until it drains. */
final class SpoolFullException extends Exception {

    SpoolFullException(long size, long max) {
        super("spool holds " + size + " of at most " + max + " bytes");
    }
}
