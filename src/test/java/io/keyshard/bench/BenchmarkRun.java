package io.keyshard.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The driver {@code mvn -Pbench verify} runs (a failsafe execution bound only in the {@code bench}
 * profile; plain {@code mvn verify} never includes it). It runs {@link BenchSuite}; the only check
 * is that every section produced numbers: timings are reported, never asserted.
 */
class BenchmarkRun {
    @Test
    void runTheBenchmarks() throws Exception {
        BenchResults results = BenchSuite.run(
                Boolean.getBoolean("bench.quick"),
                Path.of(System.getProperty("bench.out", "target/bench")),
                Path.of(System.getProperty("bench.jar", "target/keyshard.jar")),
                System.getProperty("bench.only", ""));
        if (results.keygen() != null) {
            assertFalse(results.keygen().isEmpty(), "no keygen was measured");
        }
        if (results.sign() != null) {
            assertFalse(results.sign().isEmpty(), "no signing was measured");
        }
        if (results.ecdsaSetup() != null) {
            assertFalse(results.ecdsaSetup().isEmpty(), "no ECDSA setup was measured");
        }
    }
}
