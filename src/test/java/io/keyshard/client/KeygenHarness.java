package io.keyshard.client;

import io.keyshard.curve.CurveName;
import io.keyshard.dkg.InMemoryDkg;
import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the wall-clock time of a 2-of-3 key generation per curve over the embedded local cluster
 * (three node processes, pinned HTTPS, H2, a vault) next to the same protocol run in memory.
 * Not a test: run it by hand after {@code mvn -DskipTests package}, e.g.
 * {@code java -cp target/classes:target/test-classes:target/lib/* io.keyshard.client.KeygenHarness [runs]}.
 */
public final class KeygenHarness {
    private KeygenHarness() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path home = Files.createTempDirectory("keyshard-bench");
        List<String> servers = LocalCluster.NAMES;
        try (Vault vault = Vault.create(home, "bench-password-1".toCharArray(), new KdfParams(1024, 1, 1));
                WorkspaceClient ws = WorkspaceClient.open(home, vault)) {
            ws.ensureLocalCluster();
            for (int i = 0; i < 3; i++) {
                ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(CurveName.P256, 2, servers)).promise().join();
            }
            System.out.printf("%-18s %12s %12s %12s%n", "curve (2-of-3)", "network ms", "min ms", "memory ms");
            for (CurveName curve : CurveName.values()) {
                long[] net = new long[runs];
                long[] mem = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    ws.call(ComponentModule.GENERATE_KEY_SHARE, new KeygenRequest(curve, 2, servers)).promise().join();
                    net[i] = (System.nanoTime() - t) / 1_000_000;
                    t = System.nanoTime();
                    InMemoryDkg.run(curve, 2, List.of(1, 2, 3));
                    mem[i] = (System.nanoTime() - t) / 1_000_000;
                }
                Arrays.sort(net);
                Arrays.sort(mem);
                System.out.printf("%-18s %12d %12d %12d%n", curve.apiName(), net[runs / 2], net[0], mem[runs / 2]);
            }
        }
    }
}
