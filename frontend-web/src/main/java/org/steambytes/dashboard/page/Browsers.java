package org.steambytes.dashboard.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Whether a request is a browser navigating (its Accept names HTML), not a script's fetch or an API client. */
public final class Browsers {

    private Browsers() {
    }

    public static boolean navigating(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
