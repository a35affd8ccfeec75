package io.keyshard.bench;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenProgress;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.InMemoryDkg;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.KeyStatus;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A by-hand profiling driver (not part of the suite): N networked keygens of one curve against the
 * local cluster, with the wall time of each phase (identity, rounds 1-3, vault READY, commit) taken
 * from the operation's progress events, and the in-memory floor. Run with JFR options in
 * {@code JAVA_TOOL_OPTIONS} to profile the client and the node processes it starts.
 * {@code java -cp <test class path> io.keyshard.bench.KeygenProfile SECP256k1 2 200 100}
 * (warm-up {@code jit}: until the client's compilers settle); with {@code derive},
 * only the scalar multiplication and derivation parts of the suite (quick).
 */
public final class KeygenProfile {
    private KeygenProfile() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("derive")) {
            BenchTable table = new BenchTable(true);
            table.note("load average: " + Samples.loadAverage());
            table.scalarMult(ScalarMultBench.run(true));
            table.derive(DeriveBench.run(true));
            System.out.println(table.render());
            return;
        }
        if (args.length > 0 && args[0].equals("throughput")) {
            throughput(Integer.parseInt(args[1]), Double.parseDouble(args[2]));
            return;
        }
        CurveName curve = CurveName.parse(args.length > 0 ? args[0] : "SECP256k1");
        int t = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        // a count, or "jit": until the client's compilers settle (as the suite warms up)
        String warmup = args.length > 3 ? args[3] : "100";
        Path home = Files.createTempDirectory("keyshard-profile");
        Vault vault = Vault.create(home, "bench-password-1".toCharArray(), new KdfParams(1024, 1, 1));
        try (Workspace ws = Workspace.open(home, vault)) {
            ws.startLocalCluster();
            Runnable warm = () -> {
                run(ws, curve, t, null);
                InMemoryDkg.run(curve, t, List.of(1, 2, 3));
            };
            if (warmup.equals("jit")) {
                System.out.println("warm-up: " + JitWarmup.run(warm, 180).describe());
            } else {
                for (int i = 0; i < Integer.parseInt(warmup); i++) {
                    warm.run();
                }
            }
            Map<String, double[]> phases = new TreeMap<>();
            double[] total = new double[samples];
            long clientCpu = Samples.processCpuNanos(ProcessHandle.current());
            long nodesCpu = Samples.childrenCpuNanos();
            long start = System.nanoTime();
            for (int i = 0; i < samples; i++) {
                Map<String, Long> marks = new ConcurrentHashMap<>();
                long t0 = System.nanoTime();
                run(ws, curve, t, marks);
                total[i] = Samples.msSince(t0);
                long prev = t0;
                for (String phase : List.of("0 identity", "1 round1", "2 round2", "3 round3", "4 ready", "5 commit")) {
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
                long m = System.nanoTime();
                InMemoryDkg.run(curve, t, List.of(1, 2, 3));
                mem[i] = Samples.msSince(m);
            }
            double memCpuMs = (Samples.cpuNanos() - memCpu) / 1e6 / samples;
            System.out.printf("%s %d-of-3, %d samples, load %s%n", curve.apiName(), t, samples, Samples.loadAverage());
            System.out.printf(
                    "networked p50 %.1f ms p95 %.1f ms (%.1f keygens/s one caller); in-memory p50 %.1f ms%n",
                    Samples.percentile(total, 50),
                    Samples.percentile(total, 95),
                    samples / (wall / 1000),
                    Samples.percentile(mem, 50));
            System.out.printf(
                    "CPU per keygen: client process %.1f ms, 3 node processes %.1f ms; in-memory %.1f ms%n",
                    clientMs, nodesMs, memCpuMs);
            phases.forEach((k, v) -> System.out.printf("  %-12s p50 %.2f ms%n", k, Samples.percentile(v, 50)));
        } finally {
            vault.close();
        }
    }

    /** {@code callers} threads on one client for {@code seconds}, after warm-up until the JIT settles; rate and CPU per keygen. */
    private static void throughput(int callers, double seconds) throws Exception {
        Path home = Files.createTempDirectory("keyshard-profile");
        Vault vault = Vault.create(home, "bench-password-1".toCharArray(), new KdfParams(1024, 1, 1));
        try (Workspace ws = Workspace.open(home, vault)) {
            ws.startLocalCluster();
            System.out.println("warm-up: "
                    + JitWarmup.run(() -> run(ws, CurveName.SECP256K1, 2, null), 120)
                            .describe());
            AtomicInteger done = new AtomicInteger();
            long end = System.nanoTime() + (long) (seconds * 1e9);
            long clientCpu = Samples.processCpuNanos(ProcessHandle.current());
            long nodesCpu = Samples.childrenCpuNanos();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        run(ws, CurveName.SECP256K1, 2, null);
                        done.incrementAndGet();
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            double wall = (System.nanoTime() - start) / 1e9;
            int n = done.get();
            System.out.printf(
                    "%d callers, %.0f s, load %s: %.1f keygens/s; CPU per keygen: client %.1f ms, nodes %.1f ms%n",
                    callers,
                    wall,
                    Samples.loadAverage(),
                    n / wall,
                    (Samples.processCpuNanos(ProcessHandle.current()) - clientCpu) / 1e6 / n,
                    (Samples.childrenCpuNanos() - nodesCpu) / 1e6 / n);
        } finally {
            vault.close();
        }
    }

    private static void run(Workspace ws, CurveName curve, int t, Map<String, Long> marks) {
        var op = ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, t, LocalCluster.NAMES));
        if (marks != null) {
            op.onProgress(e -> mark(marks, e));
        }
        op.promise().join();
    }

    /** The last DONE of a round (every server answered) and the READY record mark the phase ends. */
    private static void mark(Map<String, Long> marks, KeygenProgress e) {
        long now = System.nanoTime();
        if (e.stage() == KeygenProgress.Stage.DONE) {
            String[] names = {"0 identity", "1 round1", "2 round2", "3 round3", "5 commit"};
            marks.put(names[e.phase().ordinal()], now);
        } else if (e.stage() == KeygenProgress.Stage.RECORD && e.record() == KeyStatus.READY) {
            marks.put("4 ready", now);
        }
    }
}
