package io.keyshard.bench;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.ScaleNodes;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.InMemoryDkg;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.List;

/**
 * Key generation as a user gets it: {@link Workspace} against node processes on loopback
 * HTTPS (the embedded local cluster OFFICIAL_1..3, plus {@link ScaleNodes} for bigger clusters),
 * the vault record written PENDING then READY, warm connections; each networked sample is
 * followed by the same protocol in memory ({@link InMemoryDkg}, the floor), so both see the same load.
 */
final class KeygenBench implements AutoCloseable {
    private final Path home;
    private final Vault vault;
    private final Workspace workspace;

    private KeygenBench(Path home, Vault vault, Workspace workspace) {
        this.home = home;
        this.vault = vault;
        this.workspace = workspace;
    }

    /** A fresh home with a vault (light Argon2id: unlocking is measured by the vault bench) and the local cluster up. */
    static KeygenBench start(Path home) throws Exception {
        Vault vault = Vault.create(home, "bench-password-1".toCharArray(), new KdfParams(1024, 1, 1));
        Workspace ws = Workspace.open(home, vault);
        ws.startLocalCluster();
        return new KeygenBench(home, vault, ws);
    }

    /**
     * First keygens until one succeeds (at most {@code attempts}): freshly started nodes on a loaded
     * machine can miss the client's 5 s TLS handshake timeout while they load their classes.
     */
    void warmUp(int attempts) {
        for (int i = 1; ; i++) {
            try {
                networked(CurveName.SECP256K1, 2, LocalCluster.NAMES);
                return;
            } catch (RuntimeException e) {
                if (i >= attempts) {
                    throw e;
                }
                System.err.println("[bench] warm-up keygen failed, retrying: " + e.getMessage());
            }
        }
    }

    Path home() {
        return home;
    }

    Vault vault() {
        return vault;
    }

    /** One networked key generation, start to READY and committed. */
    void networked(CurveName curve, int threshold, List<String> servers) {
        workspace
                .call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, threshold, servers))
                .promise()
                .join();
    }

    /** {@code samples} networked runs (wall ms) interleaved with in-memory runs, after {@code warmup} of each. */
    BenchResults.Keygen measure(
            CurveName curve, int threshold, List<String> servers, List<Integer> ids, int warmup, int samples) {
        for (int i = 0; i < warmup; i++) {
            networked(curve, threshold, servers);
            InMemoryDkg.run(curve, threshold, ids);
        }
        double[] net = new double[samples];
        double[] mem = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            networked(curve, threshold, servers);
            net[i] = Samples.msSince(t);
            t = System.nanoTime();
            InMemoryDkg.run(curve, threshold, ids);
            mem[i] = Samples.msSince(t);
        }
        double p50 = Samples.percentile(net, 50);
        double p95 = Samples.percentile(net, 95);
        return new BenchResults.Keygen(
                curve.apiName(),
                threshold,
                servers.size(),
                Samples.round2(p50),
                Samples.round2(p95),
                Samples.round2(Samples.percentile(mem, 50)),
                samples);
    }

    /** Keygens completed per second with {@code concurrency} callers each running one keygen after another. */
    BenchResults.KeygenThroughput throughput(int concurrency, double seconds, CurveName curve, List<String> servers)
            throws Exception {
        double perSecond = Callers.perSecond(concurrency, seconds, () -> networked(curve, 2, servers));
        return new BenchResults.KeygenThroughput(concurrency, Samples.round2(perSecond));
    }

    @Override
    public void close() {
        workspace.close();
        vault.close();
    }
}
