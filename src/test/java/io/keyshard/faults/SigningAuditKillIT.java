package io.keyshard.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.node.SigningAuditReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process writing the signing audit, four times over the same folder (once moments after a
 * restart, the journal folded into H2 often): every signId whose begin had returned is known afterwards, so it can never start a second
 * signing, and every signing whose SIGNED had been recorded reads SIGNED.
 */
class SigningAuditKillIT {
    /** A fold every 110 signings or so, so kills also land during and right after folds. */
    private static final String FOLD_AT = Integer.toString(16 * 1024);

    @TempDir
    Path dir;

    @Test
    void everySigningRecordedBeforeAKillIsKnownAfterIt() throws Exception {
        Path data = dir.resolve("data");
        Map<UUID, String> said = new HashMap<>();
        // lines to wait for before each kill: the second kill comes right after a restart
        for (int lines : new int[] {400, 1, 900, 50}) {
            ChildJvm child = ChildJvm.start(
                    "io.keyshard.node.SigningAuditChild", dir.resolve("child.log"), data.toString(), FOLD_AT);
            try {
                assertNotNull(child.await("ready"::equals, 60_000), "the child opened the audit (see child.log)");
                int[] seen = {0};
                assertNotNull(child.await(l -> ++seen[0] >= lines, 60_000), "the child recorded signings");
            } finally {
                child.kill();
            }
            for (String line : child.lines()) {
                String[] parts = line.split(" ");
                if (parts.length == 2) {
                    said.merge(
                            UUID.fromString(parts[1]),
                            parts[0].equals("signed") ? "SIGNED" : "COMMITTED",
                            (a, b) -> a.equals("SIGNED") ? a : b);
                }
            }
        }
        Map<UUID, String> outcomes = SigningAuditReader.outcomes(data);
        List<String> lost = new ArrayList<>();
        said.forEach((signId, outcome) -> {
            String recorded = outcomes.get(signId);
            if (recorded == null || (outcome.equals("SIGNED") && !recorded.equals("SIGNED"))) {
                lost.add(signId + " said " + outcome + ", audit " + recorded);
            }
        });
        assertTrue(said.size() > 500, "signings recorded: " + said.size());
        assertEquals(0, lost.size(), lost.size() + " lost, e.g. " + lost.subList(0, Math.min(5, lost.size())));
    }
}
