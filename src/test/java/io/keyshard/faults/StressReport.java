package io.keyshard.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.json.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings and the results file of one stress run ({@code mvn -Pstress verify}): {@code stress.minutes},
 * {@code stress.seed} (a fixed seed repeats the kill moments), {@code stress.out}; the JSON starts with the seed,
 * the minutes, the kills per target and {@code uptime} before, and gets {@code uptime} after when written.
 */
final class StressReport {
    final long seed = Long.getLong("stress.seed", System.nanoTime());
    final double minutes = Double.parseDouble(System.getProperty("stress.minutes", "20"));
    final ObjectNode json = StrictJson.mapper().createObjectNode();

    StressReport() {
        json.put("seed", seed);
        json.put("loadBefore", uptime());
    }

    Duration budget() {
        return Duration.ofMillis((long) (minutes * 60_000));
    }

    /** The kills of {@code run}: their number and how many each target took. */
    void kills(KillNineRun run) {
        json.put("kills", run.iterations);
        ObjectNode byTarget = json.putObject("killsByTarget");
        run.kills.forEach(byTarget::put);
    }

    /** Writes {@code target/stress/<file>} and prints it after {@code label}. */
    void write(String file, String label) throws IOException {
        json.put("loadAfter", uptime());
        Path out = Files.createDirectories(Path.of(System.getProperty("stress.out", "target/stress")));
        Files.write(out.resolve(file), StrictJson.pretty().writeValueAsBytes(json));
        System.out.println(label + ": " + StrictJson.pretty().writeValueAsString(json));
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return s;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
