package io.keyshard.testing;

import java.util.List;

/**
 * Test-only: JVM options for the short-lived child JVMs the crash and fault tests start (hundreds
 * per run, each killed after a second or so), chosen for start-up time: C1 only, serial GC, the JDK's
 * shared class archive, and no bytecode verification of the project's own javac-compiled classes.
 */
public final class QuickJvm {
    /** Options to put before {@code -cp}. */
    public static final List<String> OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:-BytecodeVerificationRemote");

    private QuickJvm() {}
}
