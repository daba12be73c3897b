package org.steambytes.ingestion.storage;

/** A batch could not be made durable: the spool is full or cannot be written. Nothing of it was stored. */
public final class StorageUnavailableException extends RuntimeException {

    private final boolean spoolFull;

    StorageUnavailableException(String message, Throwable cause, boolean spoolFull) {
        super(message, cause);
        this.spoolFull = spoolFull;
    }

    public boolean spoolFull() {
        return spoolFull;
    }
}
