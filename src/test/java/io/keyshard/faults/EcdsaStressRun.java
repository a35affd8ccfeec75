package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.json.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kill -9 run over threshold-ECDSA setups and signings ({@code mvn -Pstress verify -Dstress.minutes=N}, after
 * {@link SignStressRun}): {@link EcdsaKillStress} for N minutes. Writes {@code target/stress/ecdsa-results.json};
 * fails on any violation.
 */
class EcdsaStressRun {
    @Test
    void killNineDuringEcdsaSetupsAndSignings() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("stress.minutes", "20"));
        Path out = Files.createDirectories(Path.of(System.getProperty("stress.out", "target/stress")));
        long seed = Long.getLong("stress.seed", System.nanoTime());
        EcdsaKillStress stress = new EcdsaKillStress(Files.createTempDirectory("keyshard-ecdsa-stress"), seed);
        try {
            stress.run(Integer.MAX_VALUE, Duration.ofMillis((long) (minutes * 60_000)));
        } finally {
            stress.close();
        }
        ObjectNode json = StrictJson.mapper().createObjectNode();
        json.put("seed", seed);
        json.put("minutes", minutes);
        json.put("kills", stress.iterations);
        ObjectNode byTarget = json.putObject("killsByTarget");
        stress.kills.forEach(byTarget::put);
        json.put("keysMade", stress.keysMade);
        json.put("printed", stress.printed());
        json.put("inHistories", stress.recorded);
        json.put("failedRuns", stress.exitsNonZero);
        json.put("setupsRedoneAfterwards", stress.setupsRedone);
        json.put("violations", stress.violations.size());
        Files.write(out.resolve("ecdsa-results.json"), StrictJson.pretty().writeValueAsBytes(json));
        System.out.println("ecdsa stress: " + StrictJson.pretty().writeValueAsString(json));
        assertEquals(List.of(), stress.violations, "seed " + seed);
        assertTrue(stress.printed() > 0, "the client printed signatures between the kills");
    }
}
