package io.keyshard.bench;

import io.keyshard.client.KeygenProgress;
import io.keyshard.client.LocalCluster;
import io.keyshard.curve.CurveName;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A by-hand profiling driver (not part of the suite): N networked signings of one curve against the local
 * cluster, with the wall time of each phase (identity, round 1, round 2, aggregation and verification) from
 * the operation's progress events, the CPU time per signing of the client and of the node processes, and
 * the in-memory floor; or ({@code throughput}) callers in parallel. Run with JFR options in
 * {@code JAVA_TOOL_OPTIONS} to profile the client and the nodes it starts.
 * {@code java -cp <test class path> io.keyshard.bench.SignProfile ED25519 2 300 [jit|count]} or
 * {@code ... SignProfile throughput ED25519 8 10}.
 */
public final class SignProfile {
    private SignProfile() {}

    public static void main(String[] args) throws Exception {
        boolean throughput = args.length > 0 && args[0].equals("throughput");
        int a = throughput ? 1 : 0;
        CurveName curve = CurveName.parse(args.length > a ? args[a] : "ED25519");
        try (SignBench bench = SignBench.start(Files.createTempDirectory("keyshard-profile"))) {
            int t = throughput ? 2 : Integer.parseInt(args.length > 1 ? args[1] : "2");
            UUID key = bench.keygen(curve, t, LocalCluster.NAMES);
            SignFloor floor = SignSection.floor(curve, t, List.of(1, 2, 3));
            List<Integer> signers = t == 2 ? List.of(1, 2) : List.of(1, 2, 3);
            Runnable warm = () -> {
                bench.networked(key);
                floor.sign(SignBench.PATH, signers, SignBench.message());
            };
            String warmup = args.length > (throughput ? 4 : 3) ? args[throughput ? 4 : 3] : "jit";
            if (warmup.equals("jit")) {
                System.out.println("warm-up: " + JitWarmup.run(warm, 90).describe());
            } else {
                for (int i = 0; i < Integer.parseInt(warmup); i++) {
                    warm.run();
                }
            }
            if (throughput) {
                throughput(bench, curve, key, Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            } else {
                latency(bench, curve, t, key, floor, signers, Integer.parseInt(args.length > 2 ? args[2] : "300"));
            }
        }
    }

    private static void latency(
            SignBench bench, CurveName curve, int t, UUID key, SignFloor floor, List<Integer> signers, int samples) {
        Map<String, double[]> phases = new TreeMap<>();
        double[] total = new double[samples];
        long clientCpu = Samples.processCpuNanos(ProcessHandle.current());
        long nodesCpu = Samples.childrenCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            Map<String, Long> marks = new ConcurrentHashMap<>();
            long t0 = System.nanoTime();
            bench.sign(key, e -> mark(marks, e));
            long end = System.nanoTime();
            total[i] = (end - t0) / 1e6;
            marks.put("3 finish", end);
            long prev = t0;
            for (String phase : List.of("0 identity", "1 round1", "2 round2", "3 finish")) {
                Long at = marks.get(phase);
                if (at != null) {
                    phases.computeIfAbsent(phase, k -> new double[samples])[i] = (at - prev) / 1e6;
                    prev = at;
                }
            }
        }
        double wall = Samples.msSince(start);
        double clientMs = (Samples.processCpuNanos(ProcessHandle.current()) - clientCpu) / 1e6 / samples;
        double nodesMs = (Samples.childrenCpuNanos() - nodesCpu) / 1e6 / samples;
        double[] mem = new double[samples];
        long memCpu = Samples.cpuNanos();
        for (int i = 0; i < samples; i++) {
            byte[] m = SignBench.message();
            long s = System.nanoTime();
            floor.sign(SignBench.PATH, signers, m);
            mem[i] = Samples.msSince(s);
        }
        double memCpuMs = (Samples.cpuNanos() - memCpu) / 1e6 / samples;
        System.out.printf("%s %d-of-3, %d samples, load %s%n", curve.apiName(), t, samples, Samples.loadAverage());
        System.out.printf(
                "networked p50 %.2f ms p95 %.2f ms (%.1f signatures/s one caller); in-memory p50 %.2f ms%n",
                Samples.percentile(total, 50),
                Samples.percentile(total, 95),
                samples / (wall / 1000),
                Samples.percentile(mem, 50));
        System.out.printf(
                "CPU per signing: client process %.2f ms, 3 node processes %.2f ms; in-memory %.2f ms%n",
                clientMs, nodesMs, memCpuMs);
        phases.forEach((k, v) -> System.out.printf("  %-12s p50 %.2f ms%n", k, Samples.percentile(v, 50)));
    }

    private static void throughput(SignBench bench, CurveName curve, UUID key, int callers, double seconds)
            throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long clientCpu = Samples.processCpuNanos(ProcessHandle.current());
        long nodesCpu = Samples.childrenCpuNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end) {
                    bench.networked(key);
                    done.incrementAndGet();
                }
            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        int n = done.get();
        System.out.printf(
                "%s %d callers, %.0f s, load %s: %.1f signatures/s; CPU per signing: client %.2f ms, nodes %.2f ms%n",
                curve.apiName(),
                callers,
                wall,
                Samples.loadAverage(),
                n / wall,
                (Samples.processCpuNanos(ProcessHandle.current()) - clientCpu) / 1e6 / n,
                (Samples.childrenCpuNanos() - nodesCpu) / 1e6 / n);
    }

    /** The last DONE of a phase (every signer answered) ends it. */
    private static void mark(Map<String, Long> marks, KeygenProgress e) {
        if (e.stage() == KeygenProgress.Stage.DONE) {
            String[] names = {"0 identity", "1 round1", "2 round2"};
            if (e.phase().ordinal() < names.length) {
                marks.put(names[e.phase().ordinal()], System.nanoTime());
            }
        }
    }
}
