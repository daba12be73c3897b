package org.steambytes.dashboard.admin;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Forms that create a secret (a gateway, an API key) carry a one-time id: the answer to the POST shows the
 * secret, and reloading it sends the same form again, which must neither create a second one nor show a
 * secret. The session remembers the last ids sent (ids only, never a secret).
 */
final class SentForms {

    static final String FIELD = "once";
    private static final String ATTRIBUTE = SentForms.class.getName();
    private static final int REMEMBERED = 50;

    private SentForms() {
    }

    static String newForm() {
        return UUID.randomUUID().toString();
    }

    /** Whether this is the first time the form with this id is sent (a form without an id always is). */
    static boolean firstTime(HttpSession session, String once) {
        if (once == null || once.isBlank()) {
            return true;
        }
        synchronized (session) {
            @SuppressWarnings("unchecked")
            List<String> sent = session.getAttribute(ATTRIBUTE) instanceof List<?> list
                    ? new ArrayList<>((List<String>) list) : new ArrayList<>();
            if (sent.contains(once)) {
                return false;
            }
            sent.add(once);
            while (sent.size() > REMEMBERED) {
                sent.remove(0);
            }
            session.setAttribute(ATTRIBUTE, sent); // set again, so Spring Session writes it to Redis
            return true;
        }
    }
}
