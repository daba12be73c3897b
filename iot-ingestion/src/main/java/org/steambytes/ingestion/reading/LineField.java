package org.steambytes.ingestion.reading;

/** One field of a line: a number (float, integer or unsigned), a boolean read as 1 or 0, or a string (no reading). */
record LineField(String key, double value, Kind kind) {

    enum Kind { NUMBER, BOOLEAN, STRING }

    boolean numeric() {
        return kind != Kind.STRING;
    }
}
