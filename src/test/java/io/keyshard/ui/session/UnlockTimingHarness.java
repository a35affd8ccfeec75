package io.keyshard.ui.session;

import io.keyshard.vault.KdfParams;
import io.keyshard.vault.Vault;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures what the welcome screen waits for with production Argon2id (64 MiB, 3 passes): creating
 * a vault and unlocking it. Run by hand (not a test): prints wall-clock milliseconds.
 */
public final class UnlockTimingHarness {
    private UnlockTimingHarness() {}

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("keyshard-timing");
        char[] pw = "correct horse battery staple".toCharArray();
        long t0 = System.nanoTime();
        Vault.create(home, pw.clone(), KdfParams.PRODUCTION).close();
        long t1 = System.nanoTime();
        System.out.printf("create: %d ms%n", (t1 - t0) / 1_000_000);
        for (int i = 0; i < 3; i++) {
            long a = System.nanoTime();
            Vault.open(home, pw.clone()).close();
            System.out.printf("unlock: %d ms%n", (System.nanoTime() - a) / 1_000_000);
        }
    }
}
