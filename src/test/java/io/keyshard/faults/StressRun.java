package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        double minutes = Double.parseDouble(System.getProperty("stress.minutes", "20"));
        int maxIterations = Integer.parseInt(System.getProperty("stress.iterations", "1000000"));
        Path out = Path.of(System.getProperty("stress.out", "target/stress"));
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("keyshard-stress");
        long seed = Long.getLong("stress.seed", System.nanoTime());
        String loadBefore = uptime();
        Instant start = Instant.now();
        KillStress stress = new KillStress(work, seed);
        try {
            stress.run(maxIterations, Duration.ofMillis((long) (minutes * 60_000)));
        } finally {
            stress.close();
        }
        Duration took = Duration.between(start, Instant.now());
        ObjectNode json = StrictJson.mapper().createObjectNode();
        json.put("seed", seed);
        json.put("minutes", took.toSeconds() / 60.0);
        json.put("iterations", stress.iterations);
        ObjectNode kills = json.putObject("kills");
        stress.kills.forEach(kills::put);
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
        json.put("loadBefore", loadBefore);
        json.put("loadAfter", uptime());
        Files.write(out.resolve("results.json"), StrictJson.pretty().writeValueAsBytes(json));
        System.out.println("kill -9 stress: " + StrictJson.pretty().writeValueAsString(json));
        assertEquals(List.of(), stress.violations);
        deleteTree(work);
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return s;
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
