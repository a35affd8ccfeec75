package io.keyshard.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: measures unlocking with the production Argon2id parameters, a durable createPending,
 * and list() over 10,000 records. Run (after {@code mvn -o -q test-compile}):
 * {@code java -cp "$(mvn -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout):target/classes:target/test-classes" io.keyshard.vault.VaultBench}
 */
public final class VaultBench {
    private VaultBench() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("keyshard-bench");
        char[] pw = "benchmark password".toCharArray();
        long t0 = System.nanoTime();
        Vault.create(home, pw.clone(), KdfParams.PRODUCTION).close();
        System.out.printf("create (Argon2id %d KiB, t=%d, p=%d): %.0f ms%n", KdfParams.PRODUCTION.memoryKiB(),
                KdfParams.PRODUCTION.iterations(), KdfParams.PRODUCTION.parallelism(), ms(t0));
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            Vault.open(home, pw.clone()).close();
            System.out.printf("unlock (open + close) #%d: %.0f ms%n", i + 1, ms(t));
        }
        try (Vault v = Vault.open(home, pw.clone())) {
            int n = 50;
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                v.createPending(VaultFixtures.pending("bench " + i));
            }
            System.out.printf("createPending (durable, fsync): %.1f ms each over %d%n", ms(t) / n, n);
            int batch = 500;
            long tb = System.nanoTime();
            while (v.list().size() < 10_000) {
                Manifest next = v.writableManifest().copy();
                List<Vault.Versioned> rows = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    rows.add(new Vault.Versioned(VaultFixtures.pending("bulk"), next.nextRowNo++, 1));
                }
                v.writeRecords(rows, next);
            }
            System.out.printf("bulk insert to 10,000 records: %.0f ms%n", ms(tb));
            for (int i = 0; i < 3; i++) {
                long tl = System.nanoTime();
                int size = v.list().size();
                System.out.printf("list() of %d records #%d: %.0f ms%n", size, i + 1, ms(tl));
            }
            long tc = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                v.createPending(VaultFixtures.pending("bench late " + i));
            }
            System.out.printf("createPending with 10,000 records present: %.1f ms each%n", ms(tc) / 10);
        }
        long to = System.nanoTime();
        Vault.open(home, pw.clone()).close();
        System.out.printf("unlock with 10,000 records: %.0f ms%n", ms(to));
        System.out.printf("machine load while measuring: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        PasswordChange.deleteTree(home);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
