package org.steambytes.common.reading;

/**
 * The store answered and refused the readings for good (e.g. a field type conflict or a retention
 * policy shorter than the readings' age): retrying the same write will not help.
 */
public class ReadingsRefusedException extends RuntimeException {

    private ReadingsRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ReadingsRefusedException of(Throwable cause) {
        return new ReadingsRefusedException("reading store refused the write: " + cause.getMessage(), cause);
    }
}
