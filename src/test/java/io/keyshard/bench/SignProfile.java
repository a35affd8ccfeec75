package io.keyshard.bench;

import io.keyshard.client.KeygenProgress;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.NodeConnection;
import io.keyshard.client.ServersConfig;
import io.keyshard.curve.CurveName;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A by-hand profiling driver (not part of the suite): N networked signings of one curve against the local
 * cluster, with the wall time of each phase (identity, round 1, round 2, aggregation and verification) from
 * the operation's progress events, the CPU time per signing of the client and of the node processes, and
 * the in-memory floor; or ({@code throughput}) callers in parallel. Run with JFR options in
 * {@code JAVA_TOOL_OPTIONS} to profile the client and the nodes it starts.
 * {@code java -cp <test class path> io.keyshard.bench.SignProfile ED25519 2 300 [jit|count]} or
 * {@code ... SignProfile throughput ED25519 8 10 [jit|count] [windows]} (windows: measurements one after another
 * on the same cluster, to tell the spread within one set of node processes from the spread between sets).
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
                int callers = Integer.parseInt(args[2]);
                double seconds = Double.parseDouble(args[3]);
                int windows = args.length > 5 ? Integer.parseInt(args[5]) : 1;
                for (int w = 0; w < windows; w++) {
                    throughput(bench, curve, key, callers, seconds);
                }
            } else {
                latency(bench, curve, t, key, floor, signers, Integer.parseInt(args.length > 2 ? args[2] : "300"));
            }
        }
    }

    private static void latency(
            SignBench bench, CurveName curve, int t, UUID key, SignFloor floor, List<Integer> signers, int samples)
            throws IOException {
        Map<String, double[]> phases = new TreeMap<>();
        Map<String, double[]> timeline = new TreeMap<>();
        double[] total = new double[samples];
        long clientCpu = Samples.processCpuNanos(ProcessHandle.current());
        long nodesCpu = Samples.childrenCpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            Map<String, Long> marks = new ConcurrentHashMap<>();
            Map<String, Long> events = new ConcurrentHashMap<>();
            long t0 = System.nanoTime();
            bench.sign(key, e -> {
                mark(marks, e);
                events.putIfAbsent(
                        e.phase().ordinal() + " " + e.phase() + " " + e.stage() + " " + e.server(), System.nanoTime());
            });
            long end = System.nanoTime();
            intervals(timeline, samples, i, t0, end, events);
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
        System.out.println("one signing's critical path (p50 over the signings of each interval):");
        timeline.forEach((k, v) -> System.out.printf("  %-44s %.2f ms%n", k, Samples.percentile(v, 50)));
        transport(bench, t, samples);
        if (floor instanceof InMemorySign frost) {
            withIdentities(frost.withIdentitySignatures(), floor, signers, samples);
        }
    }

    /**
     * The FROST floor with and without DESIGN 13.3's identity-key signatures, alternately after a warm-up of both:
     * what those signatures and their checks add to a signing when nothing else does.
     */
    private static void withIdentities(SignFloor signed, SignFloor plain, List<Integer> signers, int samples) {
        for (int i = 0; i < samples; i++) {
            signed.sign(SignBench.PATH, signers, SignBench.message());
            plain.sign(SignBench.PATH, signers, SignBench.message());
        }
        double[] with = new double[samples];
        double[] without = new double[samples];
        for (int i = 0; i < samples; i++) {
            long s = System.nanoTime();
            signed.sign(SignBench.PATH, signers, SignBench.message());
            with[i] = Samples.msSince(s);
            s = System.nanoTime();
            plain.sign(SignBench.PATH, signers, SignBench.message());
            without[i] = Samples.msSince(s);
        }
        System.out.printf(
                "in-memory p50 with the identity signatures and their checks %.2f ms, without %.2f ms%n",
                Samples.percentile(with, 50), Samples.percentile(without, 50));
    }

    /**
     * What a round trip costs with no signing in it: a health request to one signer, and to the t signers at
     * once as a round does, over warm pinned connections of their own. A round can be no faster than this.
     */
    private static void transport(SignBench bench, int t, int samples) throws IOException {
        ServersConfig config = ServersConfig.load(bench.home());
        List<NodeConnection> signers = new ArrayList<>();
        for (String name : LocalCluster.NAMES.subList(0, t)) {
            signers.add(new NodeConnection(name, config.get(name), null));
        }
        Duration timeout = Duration.ofSeconds(10);
        double[] one = new double[samples];
        double[] all = new double[samples];
        for (int i = -samples; i < samples; i++) { // the first half warms the connections and the code
            long s = System.nanoTime();
            signers.get(0).health(timeout).join();
            long m = System.nanoTime();
            CompletableFuture.allOf(signers.stream().map(c -> c.health(timeout)).toArray(CompletableFuture[]::new))
                    .join();
            if (i >= 0) {
                one[i] = (m - s) / 1e6;
                all[i] = Samples.msSince(m);
            }
        }
        signers.forEach(NodeConnection::wipe);
        System.out.printf(
                "transport alone (a health request, no signing): one signer p50 %.2f ms, %d signers at once p50 %.2f ms%n",
                Samples.percentile(one, 50), t, Samples.percentile(all, 50));
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

    /**
     * The wall-clock intervals of signing {@code i} from its progress events: the client's work before round 1,
     * each round from its first request sent to its last answer in (requests written, node work, answers read),
     * the client's gap between one round's last answer and the next round's first request, and its work after
     * the last round (combination, verification, history). FROST has two rounds, DKLs23 three.
     */
    private static void intervals(
            Map<String, double[]> out, int samples, int i, long t0, long end, Map<String, Long> events) {
        long[] firstSent = new long[4];
        long[] lastDone = new long[4];
        events.forEach((k, at) -> {
            String[] f = k.split(" ");
            int phase = Integer.parseInt(f[0]);
            if (f[2].equals("SENT") && (firstSent[phase] == 0 || at < firstSent[phase])) {
                firstSent[phase] = at;
            }
            if (f[2].equals("DONE")) {
                lastDone[phase] = Math.max(lastDone[phase], at);
            }
        });
        int rounds = lastDone[3] != 0 ? 3 : 2;
        if (firstSent[1] == 0 || lastDone[rounds] == 0) {
            return;
        }
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("a client, before round 1", (firstSent[1] - t0) / 1e6);
        for (int r = 1; r <= rounds; r++) {
            char at = (char) ('a' + 2 * r - 1);
            v.put(at + " round " + r + ", first request to last answer", (lastDone[r] - firstSent[r]) / 1e6);
            if (r < rounds) {
                v.put(
                        (char) (at + 1) + " client, round " + r + " answers to round " + (r + 1) + " requests",
                        (firstSent[r + 1] - lastDone[r]) / 1e6);
            }
        }
        v.put((char) ('a' + 2 * rounds) + " client, after round " + rounds, (end - lastDone[rounds]) / 1e6);
        v.forEach((k, ms) -> out.computeIfAbsent(k, x -> new double[samples])[i] = ms);
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
