package org.steambytes.api.caller;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a key may do: read, or also change (within its site scope). */
public enum ApiRole {
    READER, ADMIN;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static ApiRole of(String value) {
        return valueOf(value.toUpperCase());
    }
}
