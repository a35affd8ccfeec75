package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of the kill -9 stress run in {@code mvn verify}: 4 kills (each costs a JVM
 * start), the client process and each server process once, every invariant checked after each
 * one ({@code -Dkeyshard.stress.iterations=N} for more). The long run is
 * {@code mvn -Pstress verify -Dstress.minutes=N} ({@link StressRun}).
 */
class KillStressIT {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedKeyIsReadyAndNothingIsLeftHalfMade() throws Exception {
        int iterations = Integer.getInteger("keyshard.stress.iterations", 4);
        Path where = System.getProperty("keyshard.stress.dir") == null
                ? dir
                : Path.of(System.getProperty("keyshard.stress.dir"));
        KillStress stress = new KillStress(where, System.nanoTime());
        try {
            stress.run(iterations, Duration.ofSeconds(Long.getLong("keyshard.stress.seconds", 240)));
        } finally {
            stress.close();
        }
        System.out.printf(
                "KillStressIT: %d kills %s, %d acknowledged, %d READY, %d FAILED, resolution finished %d "
                        + "and aborted %d, mean keygen %.0f ms, violations %d%n",
                stress.iterations,
                stress.kills,
                stress.acknowledged(),
                stress.ready,
                stress.failed,
                stress.finishedByResolution,
                stress.abortedByResolution,
                stress.keygenMillisSum / (double) Math.max(1, stress.keygensTimed),
                stress.violations.size());
        assertEquals(List.of(), stress.violations);
        assertEquals(iterations, stress.iterations, "every kill ran within the safety bound");
        assertTrue(stress.acknowledged() > 0, "the client made keys between the kills");
    }
}
