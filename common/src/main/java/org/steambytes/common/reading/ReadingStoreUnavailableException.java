package org.steambytes.common.reading;

/** The reading store did not take a write or answer a query; the caller decides whether to retry or spool. */
public class ReadingStoreUnavailableException extends RuntimeException {

    private ReadingStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ReadingStoreUnavailableException of(String operation, Throwable cause) {
        return new ReadingStoreUnavailableException(
                "reading store " + operation + " failed: " + cause.getMessage(), cause);
    }
}
