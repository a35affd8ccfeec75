package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.node.SigningAudit.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing audit on a real H2 file: a signId starts one signing only, ends once, and stays after a reopen. */
class SigningAuditTest {
    @TempDir
    Path dir;

    @Test
    void aSignIdIsRecordedOnceEndsOnceAndIsRefusedAgainAfterAReopen() throws Exception {
        UUID signId = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        byte[] hash = new byte[32];
        NodeFiles files = new NodeFiles(dir);
        try (SigningAudit audit = SigningAudit.open(files)) {
            assertTrue(audit.begin(signId, "client-a", keyId, "m/0/7", hash, List.of(2, 1)));
            assertFalse(audit.begin(signId, "client-b", keyId, "m/0/7", hash, List.of(1, 2)), "a known signId");
            assertEquals(Outcome.COMMITTED, audit.find(signId).orElseThrow().outcome());
            assertEquals("client-a", audit.find(signId).orElseThrow().clientId());
            assertTrue(audit.end(signId, Outcome.SIGNED));
            assertFalse(audit.end(signId, Outcome.ABORTED), "a signing ends once");
            // a refused insert leaves the audit recording the next signing
            UUID other = UUID.randomUUID();
            assertTrue(audit.begin(other, "client-a", keyId, "m", hash, List.of(1, 3)));
            assertTrue(audit.find(UUID.randomUUID()).isEmpty());
        }
        try (SigningAudit reopened = SigningAudit.open(files)) {
            assertEquals(Outcome.SIGNED, reopened.find(signId).orElseThrow().outcome());
            assertFalse(reopened.begin(signId, "client-a", keyId, "m/0/7", hash, List.of(1, 2)));
        }
    }
}
