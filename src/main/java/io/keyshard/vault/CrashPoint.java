package io.keyshard.vault;

/**
 * Named steps of multi-file vault operations. When the system property {@code keyshard.test.crashAt}
 * names a step, the JVM halts there as if killed; the crash tests use it to stop a password change
 * between every pair of file operations. Unset in normal use, it does nothing.
 */
final class CrashPoint {
    static final String PROPERTY = "keyshard.test.crashAt";

    private CrashPoint() {}

    static void reach(String step) {
        if (step.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(86);
        }
    }
}
