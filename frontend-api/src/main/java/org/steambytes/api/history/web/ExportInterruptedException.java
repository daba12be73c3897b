package org.steambytes.api.history.web;

/**
 * A CSV export failed after its 200 and first rows were sent. It is left to propagate out of the servlet
 * (see {@link ReadingsCsvController#interrupted}): the container then closes the connection without the
 * final chunk, so a client sees a broken download (an error, like a network failure), never a file that
 * looks complete but is short. No problem body can follow: the status is already on the wire.
 */
class ExportInterruptedException extends RuntimeException {

    ExportInterruptedException(Throwable cause) {
        super("CSV export broken off: " + cause.getMessage(), cause);
    }
}
