package io.keyshard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keyshard.client.LocalCluster;
import io.keyshard.client.ScaleNodes;
import io.keyshard.curve.CurveName;
import io.keyshard.dkg.InMemoryDkg;
import io.keyshard.vault.VaultBench;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark suite behind {@code mvn -Pbench verify} (docs/benchmarks.md): runs every
 * benchmark with warm-up, prints a table and writes {@code results.json} (see BenchResults).
 * By hand: {@code java -cp <test class path> io.keyshard.bench.BenchSuite --quick true --out DIR --jar target/keyshard.jar}
 * [{@code --only sign}]: {@code --only} (or {@code -Dbench.only=sign} with Maven) runs the signing section alone,
 * {@code --only ecdsaSetup} the ECDSA pairwise setup section alone.
 * Never a test: nothing here asserts a timing.
 */
public final class BenchSuite {
    private BenchSuite() {}

    public static void main(String[] args) throws Exception {
        run(
                Boolean.parseBoolean(arg(args, "--quick", "false")),
                Path.of(arg(args, "--out", "target/bench")),
                Path.of(arg(args, "--jar", "target/keyshard.jar")),
                arg(args, "--only", ""));
    }

    /**
     * Runs everything ({@code only} empty), only the signing section ({@code only} "sign") or only the ECDSA
     * pairwise setup ({@code only} "ecdsaSetup"), prints the table
     * and writes {@code results.json} and {@code results.txt} into {@code out}.
     */
    public static BenchResults run(boolean quick, Path out, Path jar, String only) throws Exception {
        if (!only.isEmpty() && !only.equals("sign") && !only.equals("ecdsaSetup")) {
            throw new IllegalArgumentException(
                    "bench.only takes 'sign' or 'ecdsaSetup' (or nothing for every section), not " + only);
        }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("keyshard-bench");
        BenchTable table = new BenchTable(quick);
        table.note("load average at start: " + Samples.loadAverage() + " on "
                + Runtime.getRuntime().availableProcessors() + " cores");
        if (only.equals("ecdsaSetup")) {
            List<BenchResults.EcdsaSetup> setup =
                    SetupSection.run(quick, Files.createDirectories(work.resolve("ecdsa-setup")), table);
            table.note("load average at end: " + Samples.loadAverage());
            return finish(out, work, table, BenchResults.setupOnly(setup));
        }
        if (only.equals("sign")) {
            SignSection.Rows sign = SignSection.run(quick, Files.createDirectories(work.resolve("sign")), table);
            table.sign(sign.sign());
            table.signThroughput(sign.throughput());
            table.note("load average at end: " + Samples.loadAverage());
            return finish(out, work, table, BenchResults.signOnly(sign.sign(), sign.throughput()));
        }

        List<BenchResults.ScalarMult> scalar = ScalarMultBench.run(quick);
        table.scalarMult(scalar);
        List<DeriveBench.Rates> rates = DeriveBench.run(quick);
        table.derive(rates);
        List<BenchResults.Derive> derive = rates.stream()
                .map(r -> new BenchResults.Derive(r.chain(), r.fullPathPerSecond()))
                .toList();
        VaultBench.Times v = VaultBench.measure(Files.createDirectories(work.resolve("vault-bench")), quick);
        BenchResults.VaultTimes vault = new BenchResults.VaultTimes(
                Samples.round2(v.unlockMs()), Samples.round2(v.insertPerSecond()), Samples.round2(v.list10kMs()));
        table.vault(vault, Samples.round2(v.firstUnlockMs()));

        List<BenchResults.Keygen> keygen = new ArrayList<>();
        BenchResults.KeygenThroughput throughput;
        try (KeygenBench bench = KeygenBench.start(Files.createDirectories(work.resolve("client")))) {
            int warmup = quick ? 2 : 5;
            int samples = quick ? 8 : 30;
            bench.warmUp(5); // TLS handshakes, class loading in the nodes
            // Warm every curve, networked and in memory, until this JVM's compilers have settled (JitWarmup);
            // the nodes (C1 only) settle well before.
            JitWarmup.Result warm = JitWarmup.run(
                    () -> {
                        for (CurveName curve : CurveName.values()) {
                            bench.networked(curve, 2, LocalCluster.NAMES);
                            InMemoryDkg.run(curve, 2, List.of(1, 2, 3));
                        }
                    },
                    quick ? 75 : 180);
            table.note("keygen warm-up: " + warm.describe());
            table.progress("keygen warm-up");
            for (CurveName curve : CurveName.values()) {
                for (int t : new int[] {2, 3}) {
                    keygen.add(bench.measure(curve, t, LocalCluster.NAMES, List.of(1, 2, 3), warmup, samples));
                    table.progress("keygen " + curve.apiName() + " " + t + "-of-3");
                }
            }
            throughput = bench.throughput(8, quick ? 5 : 20, CurveName.SECP256K1, LocalCluster.NAMES);
            try (ScaleNodes extra = ScaleNodes.start(bench.home(), bench.vault(), 10)) {
                for (int[] tn : new int[][] {{5, 7}, {7, 10}}) {
                    List<Integer> ids = new ArrayList<>();
                    for (int id = 1; id <= tn[1]; id++) {
                        ids.add(id);
                    }
                    keygen.add(bench.measure(
                            CurveName.SECP256K1, tn[0], ScaleNodes.cluster(tn[1]), ids, quick ? 1 : 3, quick ? 5 : 20));
                    table.progress("keygen SECP256k1 " + tn[0] + "-of-" + tn[1]);
                }
            }
        }
        table.keygen(keygen);
        table.throughput(throughput);

        SignSection.Rows sign = SignSection.run(quick, Files.createDirectories(work.resolve("sign")), table);
        table.sign(sign.sign());
        table.signThroughput(sign.throughput());
        List<BenchResults.EcdsaSetup> setup =
                SetupSection.run(quick, Files.createDirectories(work.resolve("ecdsa-setup")), table);

        StartupBench.Result startup =
                StartupBench.measure(jar, Files.createDirectories(work.resolve("app-home")), quick ? 2 : 5);
        table.startup(startup);
        table.note("load average at end: " + Samples.loadAverage());

        BenchResults results = new BenchResults(
                keygen,
                throughput,
                derive,
                scalar,
                vault,
                new BenchResults.Startup(startup.firstWindowMs()),
                sign.sign(),
                sign.throughput(),
                setup);
        return finish(out, work, table, results);
    }

    private static BenchResults finish(Path out, Path work, BenchTable table, BenchResults results) throws IOException {
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("results.json").toFile(), results);
        String text = table.render();
        Files.writeString(out.resolve("results.txt"), text);
        System.out.println(text);
        System.out.println("written: " + out.resolve("results.json") + " and " + out.resolve("results.txt"));
        deleteTree(work);
        return results;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
