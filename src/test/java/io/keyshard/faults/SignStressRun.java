package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The long kill -9 runs over signing ({@code mvn -Pstress verify -Dstress.minutes=N}, after {@link StressRun}):
 * {@link SignKillStress} with FROST for N minutes, then {@link NonceInterleavings} with 10 times the steps of
 * {@link NonceReuseIT} ({@code target/stress/sign-results.json}); then {@link SignKillStress} with threshold ECDSA
 * for N minutes ({@code target/stress/ecdsa-results.json}). Each fails on any violation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignStressRun {
    @Test
    @Order(1)
    void killNineDuringSigningAndEveryNonceInterleaving() throws Exception {
        StressReport report = new StressReport();
        SignKillStress stress = run(SignScheme.FROST, report);
        NonceInterleavings walk = new NonceInterleavings(Files.createTempDirectory("keyshard-nonce-walk"), report.seed);
        try {
            walk.run(1600, 12, 4);
        } finally {
            walk.close();
        }
        var json = report.json;
        var steps = json.putObject("interleavingSteps");
        walk.counts.forEach(steps::put);
        json.put("commitments", walk.ledger.commitments());
        json.put("interleavingSignatures", walk.ledger.signatures());
        json.put(
                "violations",
                stress.violations.size()
                        + walk.violations.size()
                        + walk.ledger.violations().size());
        report.write("sign-results.json", "sign stress");
        assertEquals(List.of(), stress.violations, "seed " + report.seed);
        assertEquals(List.of(), walk.violations);
        assertEquals(List.of(), walk.ledger.violations());
        assertTrue(stress.printed() > 0 && walk.ledger.signatures() > 0);
    }

    @Test
    @Order(2)
    void killNineDuringEcdsaSetupsAndSignings() throws Exception {
        StressReport report = new StressReport();
        SignKillStress stress = run(SignScheme.ECDSA, report);
        report.json.put("keysMade", stress.keysMade);
        report.json.put("setupsRedoneAfterwards", stress.setupsRedone);
        report.json.put("violations", stress.violations.size());
        report.write("ecdsa-results.json", "ecdsa stress");
        assertEquals(List.of(), stress.violations, "seed " + report.seed);
        assertTrue(stress.printed() > 0, "the client printed signatures between the kills");
    }

    /** N minutes of {@link SignKillStress} with {@code scheme}, its figures in the report. */
    private static SignKillStress run(SignScheme scheme, StressReport report) throws Exception {
        String name = "keyshard-" + scheme.name().toLowerCase(Locale.ROOT) + "-stress";
        SignKillStress stress = new SignKillStress(scheme, Files.createTempDirectory(name), report.seed);
        try {
            stress.run(Integer.MAX_VALUE, report.budget());
        } finally {
            stress.close();
        }
        report.json.put("minutes", report.minutes);
        report.kills(stress);
        report.json.put("printed", stress.printed());
        report.json.put("inHistories", stress.recorded);
        report.json.put("failedRuns", stress.exitsNonZero);
        return stress;
    }
}
