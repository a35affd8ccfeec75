package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The long kill -9 stress run: {@code mvn -Pstress verify -Dstress.minutes=N [-Dstress.iterations=M]}
 * runs {@link KillStress} for N minutes (or M kills), prints the figures and writes
 * {@code target/stress/results.json}. Fails if any invariant was violated. Not part of plain {@code mvn verify}.
 */
class StressRun {
    @Test
    void killNineOverTheWholeKeygenFlow() throws Exception {
        int maxIterations = Integer.parseInt(System.getProperty("stress.iterations", "1000000"));
        Path work = Files.createTempDirectory("keyshard-stress");
        StressReport report = new StressReport();
        Instant start = Instant.now();
        KillStress stress = new KillStress(work, report.seed);
        try {
            stress.run(maxIterations, report.budget());
        } finally {
            stress.close();
        }
        var json = report.json;
        json.put("minutes", Duration.between(start, Instant.now()).toSeconds() / 60.0);
        json.put("iterations", stress.iterations);
        stress.kills.forEach(json.putObject("kills")::put);
        json.put("acknowledged", stress.acknowledged());
        json.put("ready", stress.ready);
        json.put("failed", stress.failed);
        json.put("finishedByResolution", stress.finishedByResolution);
        json.put("abortedByResolution", stress.abortedByResolution);
        json.put("meanKeygenMillis", Math.round(stress.keygenMillisSum / (double) Math.max(1, stress.keygensTimed)));
        json.put("meanResolveMillis", Math.round(stress.resolveMillisSum / (double) Math.max(1, stress.resolves)));
        json.put("maxResolveMillis", stress.resolveMillisMax);
        json.put("violations", stress.violations.size());
        stress.violations.forEach(json.putArray("violationList")::add);
        report.write("results.json", "kill -9 stress");
        assertEquals(List.of(), stress.violations);
        deleteTree(work);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
