package io.keyshard.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Vault timings for the benchmark suite ({@code io.keyshard.bench}): unlocking with the production
 * Argon2id parameters, durable {@code createPending} per second, and {@code list()} over 10,000
 * records (bulk-filled through the package's own transaction, which is why this lives here).
 */
public final class VaultBench {
    private VaultBench() {}

    /**
     * Medians of what was measured: unlock (open + close) ms in a warm JVM, durable inserts per second,
     * list ms at 10,000 records; and the first unlock after creating the vault (the JIT still cold, as in a fresh app).
     */
    public record Times(double unlockMs, double insertPerSecond, double list10kMs, double firstUnlockMs) {}

    /** By hand (docs/vault.md): prints the times of a full run in a temporary folder, then deletes it. */
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("keyshard-bench");
        try {
            System.out.println(measure(home, false));
        } finally {
            PasswordChange.deleteTree(home);
        }
    }

    /** Measures in an empty folder {@code home}; {@code quick} takes fewer samples. */
    public static Times measure(Path home, boolean quick) {
        char[] pw = "benchmark password".toCharArray();
        Vault.create(home, pw.clone(), KdfParams.PRODUCTION).close();
        long first = System.nanoTime();
        Vault.open(home, pw.clone()).close(); // also the warm-up: class loading and the JIT, not Argon2id
        double firstUnlock = ms(first);
        double[] unlock = new double[quick ? 3 : 7];
        for (int i = 0; i < unlock.length; i++) {
            long t = System.nanoTime();
            Vault.open(home, pw.clone()).close();
            unlock[i] = ms(t);
        }
        try (Vault v = Vault.open(home, pw.clone())) {
            int n = quick ? 40 : 200;
            for (int i = 0; i < 10; i++) {
                v.createPending(VaultFixtures.pending("warm-up " + i));
            }
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                v.createPending(VaultFixtures.pending("bench " + i));
            }
            double insertPerSecond = n / (ms(t) / 1000.0);
            fillTo(v, 10_000);
            v.list(); // warm-up
            double[] list = new double[quick ? 3 : 7];
            for (int i = 0; i < list.length; i++) {
                long tl = System.nanoTime();
                int size = v.list().size();
                list[i] = ms(tl);
                if (size != 10_000) {
                    throw new IllegalStateException("expected 10,000 records, listed " + size);
                }
            }
            return new Times(median(unlock), insertPerSecond, median(list), firstUnlock);
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    /** Adds records in batches of 500 per transaction until the vault holds {@code count}. */
    private static void fillTo(Vault v, int count) {
        int have = v.list().size();
        while (have < count) {
            int batch = Math.min(500, count - have);
            Manifest next = v.writableManifest().copy();
            List<Vault.Versioned> rows = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                rows.add(new Vault.Versioned(VaultFixtures.pending("bulk"), next.allocateRow(), 1));
            }
            v.writeRecords(rows, next);
            have += batch;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
