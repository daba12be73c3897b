package org.steambytes.ingestion.reading;

/** A malformed line; the message is InfluxDB's wording, prefixed with the line's number. */
final class LineProtocolException extends RuntimeException {

    private final int line;

    LineProtocolException(int line, String reason) {
        super("line " + line + ": " + reason, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
