package org.steambytes.e2e;

import java.util.concurrent.Callable;

/**
 * Runs one step of the walk and, should it fail, says whose part broke: "alert-service's part broke:
 * sends one e-mail … — <what was wrong>", so a red build names the service to look at first.
 */
final class Blame {

    /** A step that returns nothing. */
    interface Step {
        void run() throws Exception;
    }

    private Blame() {
    }

    static void on(SuiteService service, String part, Step step) {
        on(service, part, () -> {
            step.run();
            return null;
        });
    }

    static <T> T on(SuiteService service, String part, Callable<T> step) {
        try {
            return step.call();
        } catch (Broken alreadyBlamed) {
            throw alreadyBlamed; // a step inside this one named its service already
        } catch (Exception | AssertionError e) {
            throw new Broken(service + "'s part broke: " + part + " — " + e.getMessage(), e);
        }
    }

    /** A failed step, with the service it blames in its message. */
    static final class Broken extends AssertionError {

        Broken(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
