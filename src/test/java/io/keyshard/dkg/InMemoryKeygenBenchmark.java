package io.keyshard.dkg;

import io.keyshard.curve.CurveName;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Harness, not a test: times the whole 2-of-3 key generation in one process (the floor with no
 * network) per curve and prints a table. Run:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.keyshard.dkg.InMemoryKeygenBenchmark [runs]}
 */
public final class InMemoryKeygenBenchmark {
    private InMemoryKeygenBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Integer> ids = List.of(1, 2, 3);
        System.out.printf(Locale.ROOT, "in-memory keygen, 2-of-3, %d runs after %d warm-up runs%n", runs, runs / 2 + 2);
        // CPU time of this thread too: on a shared machine wall time mostly measures the other processes.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-18s %10s %10s %10s %14s%n", "curve", "median ms", "mean ms", "max ms",
                "median cpu ms");
        for (CurveName curve : CurveName.values()) {
            for (int i = 0; i < runs / 2 + 2; i++) {
                InMemoryDkg.run(curve, 2, ids);
            }
            double[] ms = new double[runs];
            double[] cpuMs = new double[runs];
            for (int i = 0; i < runs; i++) {
                long startCpu = cpu.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                InMemoryDkg.run(curve, 2, ids);
                ms[i] = (System.nanoTime() - start) / 1e6;
                cpuMs[i] = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpuMs);
            System.out.printf(Locale.ROOT, "%-18s %10.2f %10.2f %10.2f %14.2f%n", curve.apiName(), ms[runs / 2],
                    Arrays.stream(ms).average().orElse(0), ms[runs - 1], cpuMs[runs / 2]);
        }
    }
}
