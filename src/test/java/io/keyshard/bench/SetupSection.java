package io.keyshard.bench;

import io.keyshard.client.ComponentModule;
import io.keyshard.client.EcdsaSetupProbe;
import io.keyshard.client.EcdsaSetupResult;
import io.keyshard.client.KeygenRequest;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.ScaleNodes;
import io.keyshard.client.Workspace;
import io.keyshard.curve.CurveName;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The pairwise setup a threshold-ECDSA key runs once before it signs (docs/protocol.md, ECDSA pairwise
 * setup): for each ECDSA curve a fresh setup of a READY key on node processes over loopback HTTPS, 2-of-3 and
 * 3-of-3 on the local cluster and 5-of-7 with {@link ScaleNodes}, each networked sample followed by the same
 * setup in one process ({@link InMemorySetup}, the floor). Wall ms from the first step to the check that
 * every server holds the setup, and the bytes the client relayed. A setup serves every key of its servers, so
 * each row also times a further key on the same servers from its key generation's end until it signs at once:
 * what key generation's background setup then does (the status check, no setup step).
 */
final class SetupSection {
    static final List<CurveName> CURVES = List.of(CurveName.SECP256K1, CurveName.P256, CurveName.P384, CurveName.P521);

    private SetupSection() {}

    static List<BenchResults.EcdsaSetup> run(boolean quick, Path home, BenchTable table) throws Exception {
        List<BenchResults.EcdsaSetup> rows = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        int warmup = quick ? 1 : 2;
        int samples = quick ? 3 : 7;
        try (Vault vault = Vault.create(home, "bench-password-1".toCharArray(), new KdfParams(1024, 1, 1));
                Workspace ws = Workspace.open(home, vault)) {
            ws.startLocalCluster();
            for (CurveName curve : curves()) {
                for (int t : new int[] {2, 3}) {
                    UUID key = keygen(ws, curve, t, LocalCluster.NAMES);
                    rows.add(measure(ws, curve, t, 3, key, List.of(1, 2, 3), warmup, samples, floors));
                    table.progress("ecdsaSetup " + curve.apiName() + " " + t + "-of-3");
                }
            }
            if (!quick) {
                try (ScaleNodes extra = ScaleNodes.start(home, vault, 7)) {
                    for (CurveName curve : List.of(CurveName.SECP256K1, CurveName.P256)) {
                        UUID key = keygen(ws, curve, 5, ScaleNodes.cluster(7));
                        rows.add(measure(ws, curve, 5, 7, key, List.of(1, 2, 3, 4, 5, 6, 7), 1, 3, floors));
                        table.progress("ecdsaSetup " + curve.apiName() + " 5-of-7");
                    }
                }
            }
        }
        table.ecdsaSetup(rows, floors);
        return rows;
    }

    /** The curves to measure: {@code -Dbench.setupCurves=SECP256K1,P256} narrows a run to those, else all four. */
    private static List<CurveName> curves() {
        String only = System.getProperty("bench.setupCurves", "");
        return only.isBlank()
                ? CURVES
                : Arrays.stream(only.split(","))
                        .map(String::trim)
                        .map(CurveName::parse)
                        .toList();
    }

    /** A READY key whose first setup (started by key generation) has ended. */
    private static UUID keygen(Workspace ws, CurveName curve, int threshold, List<String> servers) {
        UUID key = ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, threshold, servers))
                .promise()
                .join()
                .keyId();
        ws.ecdsaSetup(key).promise().join();
        return key;
    }

    private static BenchResults.EcdsaSetup measure(
            Workspace ws,
            CurveName curve,
            int threshold,
            int servers,
            UUID key,
            List<Integer> ids,
            int warmup,
            int samples,
            List<Double> floors) {
        for (int i = 0; i < warmup; i++) {
            EcdsaSetupProbe.fresh(ws, key);
            InMemorySetup.run(curve, ids);
        }
        double[] net = new double[samples];
        double[] mem = new double[samples];
        double[] reuse = new double[samples];
        long bytes = 0;
        for (int i = 0; i < samples; i++) {
            EcdsaSetupResult r = EcdsaSetupProbe.fresh(ws, key);
            net[i] = r.took().toNanos() / 1e6;
            reuse[i] = reuse(ws, curve, threshold, key);
            bytes = r.bytesRelayed();
            long t = System.nanoTime();
            InMemorySetup.run(curve, ids);
            mem[i] = Samples.msSince(t);
        }
        floors.add(Samples.round2(Samples.percentile(mem, 50)));
        return new BenchResults.EcdsaSetup(
                curve.apiName(),
                threshold,
                servers,
                Samples.round2(Samples.percentile(net, 50)),
                Samples.round2(Samples.percentile(reuse, 50)),
                bytes);
    }

    /**
     * A further key of {@code threshold} on the servers of {@code key} (whose pairs exist): wall ms from its key
     * generation's end until {@link Workspace#ecdsaSetup} finds every pair in place and runs nothing.
     */
    private static double reuse(Workspace ws, CurveName curve, int threshold, UUID key) {
        List<String> servers = ws.key(key).orElseThrow().servers();
        UUID further = ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, threshold, servers))
                .promise()
                .join()
                .keyId();
        long t = System.nanoTime();
        EcdsaSetupResult r = ws.ecdsaSetup(further).promise().join();
        double ms = Samples.msSince(t);
        if (r.ran()) {
            throw new IllegalStateException("a key on servers whose pairs exist ran a setup");
        }
        return ms;
    }
}
