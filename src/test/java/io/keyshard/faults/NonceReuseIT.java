package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.faults.RawSigning.Held;
import io.keyshard.node.SigningAuditReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No nonce is ever used twice, against three node processes: a seeded random walk of
 * {@link NonceInterleavings} (round 1 and 2 with their resends, another message under the same signId,
 * aborts, the nonce TTL passing, kill -9 and restart of a node, signings by the client and a node killed
 * during one). Every answer matches the model, every commitment (D_i, E_i) any node answered and every
 * signature's R are distinct, and each node's signing audit shows a share computed exactly where the
 * model has one: never for a signing it held when it was killed. {@code -Dkeyshard.nonce.steps=N} and
 * {@code -Dkeyshard.nonce.seed=S} (with {@code -Dkeyshard.nonce.kills=K} and {@code -Dkeyshard.nonce.waits=W}) for
 * longer or repeated walks, such as the stress profile's.
 */
class NonceReuseIT {
    @TempDir
    Path dir;

    @Test
    void noNonceSignsTwiceUnderAnyInterleaving() throws Exception {
        long seed = Long.getLong("keyshard.nonce.seed", System.nanoTime());
        int steps = Integer.getInteger("keyshard.nonce.steps", 160);
        NonceInterleavings walk = new NonceInterleavings(dir, seed);
        List<String> problems = new ArrayList<>();
        try {
            walk.run(
                    steps,
                    Integer.getInteger("keyshard.nonce.kills", 3),
                    Integer.getInteger("keyshard.nonce.waits", 1));
            for (String name : NodeProcesses.NAMES) {
                walk.nodes.stop(name);
                problems.addAll(auditProblems(walk, name));
            }
        } finally {
            walk.close();
        }
        System.out.printf(
                "NonceReuseIT seed %d: %s; %d commitments, %d signatures, %d signings lost in a restart%n",
                seed, walk.counts, walk.ledger.commitments(), walk.ledger.signatures(), walk.lostInRestart.size());
        assertEquals(List.of(), walk.violations, "seed " + seed);
        assertEquals(List.of(), walk.ledger.violations(), "seed " + seed);
        assertEquals(List.of(), problems, "seed " + seed);
        assertTrue(walk.ledger.signatures() > 0 && walk.counts.getOrDefault("kill", 0) > 0, "seed " + seed);
    }

    /** Where the node's audit and the model differ on whether a share was computed. */
    private static List<String> auditProblems(NonceInterleavings walk, String name) throws Exception {
        Map<UUID, String> outcomes = SigningAuditReader.outcomes(walk.nodes.data(name));
        List<String> out = new ArrayList<>();
        for (RawSigning s : walk.signings) {
            Held h = s.held.get(name);
            if (h == null) {
                continue;
            }
            String o = outcomes.get(s.signId);
            boolean signed = "SIGNED".equals(o);
            if ((h == Held.NONE) != (o == null) || (h == Held.SIGNED) != signed) {
                out.add(name + " " + s.signId + ": model " + h + ", audit " + o);
            }
            if (walk.lostInRestart.contains(s.signId + " " + name) && signed) {
                out.add(name + " " + s.signId + ": a signing lost in a restart was signed");
            }
        }
        return out;
    }
}
