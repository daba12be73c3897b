package org.steambytes.common.reading;

/** Quoting for InfluxQL: values never reach a query unquoted. */
public final class InfluxQl {

    private InfluxQl() {
    }

    /** A single-quoted string literal. */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A double-quoted identifier (database, measurement, tag key). */
    public static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
