package io.keyshard.bench;

import io.keyshard.client.LocalCluster;
import io.keyshard.client.ScaleNodes;
import io.keyshard.curve.CurveName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signing section of the suite: for every curve, 2-of-3 and 3-of-3 on the local cluster and the 5-of-7
 * scale row, then signatures per second with 8 callers.
 */
final class SignSection {
    static final int CALLERS = 8;
    /** Wall time each curve signs for in one warm-up round. */
    private static final long WARM_SLICE_NANOS = 400_000_000L;

    private SignSection() {}

    /** The rows of the section (the ECDSA keys' pairwise setups are timed by {@link SetupSection}). */
    record Rows(List<BenchResults.Sign> sign, List<BenchResults.SignThroughput> throughput) {}

    static Rows run(boolean quick, Path home, BenchTable table) throws Exception {
        List<BenchResults.Sign> rows = new ArrayList<>();
        List<BenchResults.SignThroughput> throughput = new ArrayList<>();
        int warmup = quick ? 3 : 10;
        Map<String, Integer> wireBytes = EcdsaWireBytes.measure(
                List.of(CurveName.SECP256K1, CurveName.P256, CurveName.P384, CurveName.P521),
                List.of(new int[] {2, 3}, new int[] {3, 3}, new int[] {5, 7}),
                table);
        table.progress("sign bytes per ECDSA signature");
        int samples = quick ? 20 : 60;
        try (SignBench bench = SignBench.start(home)) {
            Map<CurveName, UUID> twoOfThree = new LinkedHashMap<>();
            Map<CurveName, UUID> threeOfThree = new LinkedHashMap<>();
            Map<CurveName, SignFloor> floors = new LinkedHashMap<>();
            for (CurveName curve : CurveName.values()) {
                twoOfThree.put(curve, bench.keygen(curve, 2, LocalCluster.NAMES));
                threeOfThree.put(curve, bench.keygen(curve, 3, LocalCluster.NAMES));
                floors.put(curve, floor(curve, 2, List.of(1, 2, 3)));
            }
            // 2-of-3 signs on OFFICIAL_1 and 2 only: the 3-of-3 keys warm OFFICIAL_3 as well. Each curve
            // gets the same wall time per round, not the same count: one P-521 signing costs as much as
            // dozens of Ed25519 ones, and a count per round would leave the fast curves barely warm.
            JitWarmup.Result warm = JitWarmup.run(
                    () -> twoOfThree.forEach((curve, key) -> {
                        long until = System.nanoTime() + WARM_SLICE_NANOS;
                        do {
                            bench.networked(key);
                            bench.networked(threeOfThree.get(curve));
                            floors.get(curve).sign(SignBench.PATH, List.of(1, 2), SignBench.message());
                        } while (System.nanoTime() < until);
                    }),
                    quick ? 60 : 120);
            table.note("sign warm-up: " + warm.describe());
            table.progress("sign warm-up");
            for (Map.Entry<CurveName, UUID> e : twoOfThree.entrySet()) {
                CurveName curve = e.getKey();
                rows.add(row(
                        table,
                        bench.measure(curve, 2, 3, e.getValue(), floors.get(curve), warmup, samples, wireBytes)));
                SignFloor floor = floor(curve, 3, List.of(1, 2, 3));
                rows.add(row(
                        table, bench.measure(curve, 3, 3, threeOfThree.get(curve), floor, warmup, samples, wireBytes)));
            }
            for (CurveName curve : twoOfThree.keySet()) {
                throughput.add(bench.throughput(curve, twoOfThree.get(curve), CALLERS, quick ? 3 : 10));
                table.progress("signThroughput " + curve.apiName());
            }
            try (ScaleNodes extra = ScaleNodes.start(bench.home(), bench.vault(), 7)) {
                List<Integer> ids = List.of(1, 2, 3, 4, 5, 6, 7);
                for (CurveName curve : twoOfThree.keySet()) {
                    UUID key = bench.keygen(curve, 5, ScaleNodes.cluster(7));
                    SignFloor floor = floor(curve, 5, ids);
                    // SERVER_4..7 are fresh processes: enough signings first for their compilers to catch up.
                    rows.add(row(
                            table,
                            bench.measure(curve, 5, 7, key, floor, quick ? 20 : 40, quick ? 10 : 30, wireBytes)));
                }
            }
        }
        return new Rows(rows, throughput);
    }

    /** The in-memory floor of a curve's signing: DKLs23 for the ECDSA curves, FROST for the others. */
    static SignFloor floor(CurveName curve, int threshold, List<Integer> ids) {
        return SignBench.isEcdsa(curve)
                ? InMemoryEcdsa.keygen(curve, threshold, ids)
                : InMemorySign.keygen(curve, threshold, ids);
    }

    private static BenchResults.Sign row(BenchTable table, BenchResults.Sign r) {
        table.progress("sign " + r.curve() + " " + r.threshold() + "-of-" + r.servers());
        table.signLoad(r);
        return r;
    }
}
