package io.keyshard.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/** Timing helpers shared by every benchmark: wall and thread-CPU clocks, and percentiles of a sample. */
final class Samples {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Samples() {}

    /** Milliseconds since {@code startNanos} ({@link System#nanoTime()}). */
    static double msSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    /** CPU time of the calling thread, in nanoseconds. */
    static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU time of a whole process so far, in nanoseconds (0 when the platform does not tell). */
    static long processCpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** CPU time so far of this process's children (the node processes it started), in nanoseconds. */
    static long childrenCpuNanos() {
        return ProcessHandle.current()
                .children()
                .mapToLong(Samples::processCpuNanos)
                .sum();
    }

    /** The p-th percentile (0..100, nearest rank) of the values; the array is sorted in place. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    /** Rounds to two decimals, so the JSON carries what was measured and not float noise. */
    static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /** The machine's load average (1, 5, 15 min) from /proc, or "unknown": numbers under load are inflated. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
