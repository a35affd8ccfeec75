package io.keyshard.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Warm-up that ends when this JVM's JIT compilers have settled, not after a fixed count. The client
 * runs a lot of code per keygen (TLS, HTTP, JSON, H2, the protocol checks), and C2 keeps compiling it
 * for tens of seconds: measured during that, a keygen also pays for a compiler thread taking most of
 * a core (C2 took most of the time of the keygens after 100 warm-ups). "Warm" means after it.
 */
final class JitWarmup {
    private static final long WINDOW_NANOS = 2_000_000_000L;
    /** Compile time under this share of wall time over a window counts as settled. */
    private static final double SETTLED = 0.03;

    private JitWarmup() {}

    /** What a warm-up took: rounds run, seconds, and whether the compilers settled before the cap. */
    record Result(int rounds, double seconds, boolean settled, double lastCompileShare) {
        String describe() {
            return String.format(
                    "%d rounds, %.0f s, JIT %s (compile time %.1f%% of the last 2 s)",
                    rounds, seconds, settled ? "settled" : "still compiling at the cap", lastCompileShare * 100);
        }
    }

    /** Runs {@code round} until compile time stays under 3% of a 2 s window, for at most {@code maxSeconds}. */
    static Result run(Runnable round, double maxSeconds) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long windowStart = start;
        long compiledAtWindowStart = measurable ? jit.getTotalCompilationTime() : 0;
        int rounds = 0;
        double share = Double.NaN;
        while (true) {
            round.run();
            rounds++;
            long now = System.nanoTime();
            if (now - windowStart >= WINDOW_NANOS) {
                long compiled = measurable ? jit.getTotalCompilationTime() : 0;
                share = measurable ? (compiled - compiledAtWindowStart) / ((now - windowStart) / 1e6) : 0;
                if (share < SETTLED) {
                    return new Result(rounds, (now - start) / 1e9, true, share);
                }
                windowStart = now;
                compiledAtWindowStart = compiled;
            }
            if (now - start >= maxSeconds * 1e9) {
                return new Result(rounds, (now - start) / 1e9, false, share);
            }
        }
    }
}
