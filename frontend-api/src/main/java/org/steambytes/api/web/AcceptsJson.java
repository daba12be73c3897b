package org.steambytes.api.web;

import java.util.function.Predicate;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Whether a request's {@code Accept} lets the answer be JSON, for answers written without content negotiation. */
public final class AcceptsJson {

    private AcceptsJson() {
    }

    /** No {@code Accept}, or one that JSON satisfies; an unreadable one is left to content negotiation. */
    public static boolean of(String accept) {
        return anyAccepted(accept, type -> type.isCompatibleWith(MediaType.APPLICATION_JSON));
    }

    /**
     * Stricter, for answers written without Spring MVC at all: no {@code Accept}, or one naming
     * {@code application/json}, {@code application/*} or {@code *}{@code /*} (with no parameter but q, q &gt; 0) —
     * where Spring MVC's negotiation picks plain {@code application/json} too.
     */
    public static boolean plainly(String accept) {
        return anyAccepted(accept, type -> type.getParameters().keySet().stream().allMatch("q"::equalsIgnoreCase)
                && (type.isWildcardType() || (type.getType().equals("application")
                && (type.isWildcardSubtype() && type.getSubtypeSuffix() == null || type.getSubtype().equals("json")))));
    }

    /** True for no {@code Accept}; else whether one of its types with q &gt; 0 passes; false when it is unreadable. */
    private static boolean anyAccepted(String accept, Predicate<MediaType> wanted) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0 && wanted.test(type));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
