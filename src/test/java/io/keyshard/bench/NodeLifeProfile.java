package io.keyshard.bench;

import io.keyshard.client.LocalCluster;
import io.keyshard.curve.CurveName;
import java.nio.file.Files;
import java.util.UUID;

/**
 * A by-hand driver (not part of the suite) for choosing the local nodes' JVM settings: the node processes'
 * CPU time, cumulative from their launch, over what a desktop node meets after a start: start to ready (of
 * nodes already initialised, as at every app start after the first), an
 * ED25519 and a SECP256k1 key generation, the SECP256k1 key's pairwise setup, its first 20, 100 and 300
 * signings, then the first 100, 1000 and 3000 ED25519 signings; with the wall time of each step or the p50
 * of each stage's signings. CPU time is what to compare on a loaded machine, wall time only on an idle one.
 * {@code java -cp <test class path> [-Dkeyshard.profile.nodeJvmArgs=...] io.keyshard.bench.NodeLifeProfile LABEL}.
 */
public final class NodeLifeProfile {
    private static final int[] ECDSA_STAGES = {20, 100, 300};
    private static final int[] FROST_STAGES = {100, 1000, 3000};

    private final String label;
    private final long clientStart = Samples.processCpuNanos(ProcessHandle.current());

    private NodeLifeProfile(String label) {
        this.label = label;
    }

    public static void main(String[] args) throws Exception {
        NodeLifeProfile p = new NodeLifeProfile(args.length > 0 ? args[0] : "nodes");
        System.out.println(
                "label | step | load | nodes CPU ms, cumulative | client CPU ms, cumulative | wall ms (p50 of the stage's signings)");
        try (SignBench bench = SignBench.start(Files.createTempDirectory("keyshard-node-life"))) {
            // a start as on every later app start: the nodes' one-time init (their TLS and identity keys) is done
            long t = System.nanoTime();
            bench.restartCluster();
            p.row("start to ready", Samples.msSince(t));
            t = System.nanoTime();
            UUID frost = bench.keygen(CurveName.ED25519, 2, LocalCluster.NAMES);
            p.row("keygen ED25519 2-of-3", Samples.msSince(t));
            t = System.nanoTime();
            UUID ecdsa = bench.keygen(CurveName.SECP256K1, 2, LocalCluster.NAMES);
            p.row("keygen SECP256k1 2-of-3", Samples.msSince(t));
            t = System.nanoTime();
            bench.setup(ecdsa);
            p.row("pairwise setup SECP256k1", Samples.msSince(t));
            p.signings(bench, ecdsa, "SECP256k1", ECDSA_STAGES);
            p.signings(bench, frost, "ED25519", FROST_STAGES);
        }
    }

    private void signings(SignBench bench, UUID key, String name, int[] stages) {
        int done = 0;
        for (int stage : stages) {
            double[] wall = new double[stage - done];
            for (int i = 0; i < wall.length; i++) {
                long t = System.nanoTime();
                bench.networked(key);
                wall[i] = Samples.msSince(t);
            }
            done = stage;
            row(name + " first " + stage + " signings", Samples.percentile(wall, 50));
        }
    }

    private void row(String step, double wallMs) {
        System.out.printf(
                "%s | %s | %s | %.0f | %.0f | %.2f%n",
                label,
                step,
                Samples.loadAverage().split(" ")[0],
                Samples.childrenCpuNanos() / 1e6,
                (Samples.processCpuNanos(ProcessHandle.current()) - clientStart) / 1e6,
                wallMs);
    }
}
