package org.steambytes.api.web;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Whether a request's {@code Accept} lets the answer be JSON, for answers written without content negotiation. */
public final class AcceptsJson {

    private AcceptsJson() {
    }

    /** No {@code Accept}, or one that JSON satisfies; an unreadable one is left to content negotiation. */
    public static boolean of(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
