package org.steambytes.testsupport;

/**
 * The secrets a test's services run with. The services have none by default (a deployment must set
 * its own), so test-support's {@code config/application.yml} gives every service started in a test
 * JVM this internal token unless the test sets another.
 */
public final class TestSecrets {

    /** Equal to {@code steambytes.internal.token} in test-support's {@code config/application.yml}. */
    public static final String INTERNAL_TOKEN = "test-internal-token-0123456789";

    private TestSecrets() {
    }
}
