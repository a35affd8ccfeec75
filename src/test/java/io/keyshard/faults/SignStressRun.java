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
 * The long kill -9 run over signing ({@code mvn -Pstress verify -Dstress.minutes=N}, after {@link StressRun}):
 * {@link SignKillStress} for N minutes, then {@link NonceInterleavings} with 10 times the steps of
 * {@link NonceReuseIT}. Writes {@code target/stress/sign-results.json}; fails on any violation.
 */
class SignStressRun {
    @Test
    void killNineDuringSigningAndEveryNonceInterleaving() throws Exception {
        double minutes = Double.parseDouble(System.getProperty("stress.minutes", "20"));
        Path out = Files.createDirectories(Path.of(System.getProperty("stress.out", "target/stress")));
        long seed = Long.getLong("stress.seed", System.nanoTime());
        SignKillStress stress = new SignKillStress(Files.createTempDirectory("keyshard-sign-stress"), seed);
        try {
            stress.run(Integer.MAX_VALUE, Duration.ofMillis((long) (minutes * 60_000)));
        } finally {
            stress.close();
        }
        NonceInterleavings walk = new NonceInterleavings(Files.createTempDirectory("keyshard-nonce-walk"), seed);
        try {
            walk.run(1600, 12, 4);
        } finally {
            walk.close();
        }
        ObjectNode json = StrictJson.mapper().createObjectNode();
        json.put("seed", seed);
        json.put("minutes", minutes);
        json.put("kills", stress.iterations);
        ObjectNode byTarget = json.putObject("killsByTarget");
        stress.kills.forEach(byTarget::put);
        json.put("printed", stress.printed());
        json.put("inHistories", stress.recorded);
        json.put("failedRuns", stress.exitsNonZero);
        ObjectNode steps = json.putObject("interleavingSteps");
        walk.counts.forEach(steps::put);
        json.put("commitments", walk.ledger.commitments());
        json.put("interleavingSignatures", walk.ledger.signatures());
        json.put(
                "violations",
                stress.violations.size()
                        + walk.violations.size()
                        + walk.ledger.violations().size());
        Files.write(out.resolve("sign-results.json"), StrictJson.pretty().writeValueAsBytes(json));
        System.out.println("sign stress: " + StrictJson.pretty().writeValueAsString(json));
        assertEquals(List.of(), stress.violations);
        assertEquals(List.of(), walk.violations);
        assertEquals(List.of(), walk.ledger.violations());
        assertTrue(stress.printed() > 0 && walk.ledger.signatures() > 0);
    }
}
