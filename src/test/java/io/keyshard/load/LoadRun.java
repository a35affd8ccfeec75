package io.keyshard.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * The driver {@code mvn -Pload verify -Dload.minutes=M -Dload.keygens=N} runs (a failsafe execution
 * bound only in the {@code load} profile; plain {@code mvn verify} runs {@link LoadIT} instead):
 * N keygens in a row (default 1,000), then 8 clients for M minutes (default 5), each signing with an ED25519, a
 * SECP256K1_SCHNORR and a threshold-ECDSA key. With
 * {@code -Dload.awaitExpiry=true} it then waits out the nodes' 10-minute session timeout and audits
 * again. Prints a summary and writes target/load/results.json; the run fails if anything failed,
 * was lost or left behind.
 */
class LoadRun {
    @Test
    void runTheLoad() throws Exception {
        int keygens = Integer.getInteger("load.keygens", 1000);
        double minutes = Double.parseDouble(System.getProperty("load.minutes", "5"));
        Path out = Path.of(System.getProperty("load.out", "target/load"));
        Path work = Files.createTempDirectory("keyshard-load");
        LoadResults r = LoadDriver.run(
                new LoadDriver.Settings(
                        keygens,
                        Duration.ofMillis((long) (minutes * 60_000)),
                        8,
                        Math.max(1, Math.min(25, keygens / 4)),
                        Boolean.getBoolean("load.awaitExpiry"),
                        true),
                work,
                out);
        LoadChecks.assertHeld(r);
        deleteTree(work);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
