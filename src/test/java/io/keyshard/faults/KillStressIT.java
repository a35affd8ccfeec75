package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of the kill -9 stress run in {@code mvn verify}: a few dozen kills spread
 * over the client process and each server process, every invariant checked after each one. The
 * long run is {@code mvn -Pstress verify -Dstress.minutes=N} ({@link StressRun}).
 */
class KillStressIT {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedKeyIsReadyAndNothingIsLeftHalfMade() throws Exception {
        int iterations = Integer.getInteger("keyshard.stress.iterations", 40);
        Path where = System.getProperty("keyshard.stress.dir") == null ? dir : Path.of(System.getProperty("keyshard.stress.dir"));
        KillStress stress = new KillStress(where, System.nanoTime());
        try {
            stress.run(iterations, Duration.ofSeconds(Long.getLong("keyshard.stress.seconds", 45)));
        } finally {
            stress.close();
        }
        System.out.printf("KillStressIT: %d kills %s, %d acknowledged, %d READY, %d FAILED, resolution finished %d "
                + "and aborted %d, mean keygen %.0f ms, violations %d%n", stress.iterations, stress.kills,
                stress.acknowledged(), stress.ready, stress.failed, stress.finishedByResolution,
                stress.abortedByResolution, stress.keygenMillisSum / (double) Math.max(1, stress.keygensTimed),
                stress.violations.size());
        assertEquals(java.util.List.of(), stress.violations);
        assertTrue(stress.iterations >= 8, "at least two kills of each process ran");
        assertTrue(stress.acknowledged() > 0, "the client made keys between the kills");
    }
}
