package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short kill -9 run over signing in {@code mvn verify}: 4 kills, the {@code keyshard sign} client
 * process and each node process once ({@code -Dkeyshard.signstress.iterations=N} for more). The long run
 * is {@code mvn -Pstress verify -Dstress.minutes=N} ({@link SignStressRun}).
 */
class SignKillStressIT {
    @TempDir
    Path dir;

    @Test
    void everyPrintedSignatureIsKeptAndVerifiesAndNoNonceRepeats() throws Exception {
        int iterations = Integer.getInteger("keyshard.signstress.iterations", 4);
        long seed = System.nanoTime();
        SignKillStress stress = new SignKillStress(SignScheme.FROST, dir, seed);
        try {
            stress.run(iterations, Duration.ofSeconds(240));
        } finally {
            stress.close();
        }
        System.out.printf(
                "SignKillStressIT seed %d: %d kills %s, %d signatures printed, %d in the histories, %d failed runs%n",
                seed, stress.iterations, stress.kills, stress.printed(), stress.recorded, stress.exitsNonZero);
        assertEquals(List.of(), stress.violations, "seed " + seed);
        assertEquals(iterations, stress.iterations, "every kill ran within the time bound");
        assertTrue(stress.printed() > 0, "the client printed signatures between the kills");
    }
}
