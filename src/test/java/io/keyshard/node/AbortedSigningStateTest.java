package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.node.SigningAudit.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signing aborted while its round ran: the round learns it from the audit and refuses, and the secret state is
 * destroyed exactly once, by whoever took it out of the table (a DKLs23 signer's state is not safe to wipe from
 * two threads at once).
 */
class AbortedSigningStateTest {
    @TempDir
    Path dir;

    private final NonceTable table = new NonceTable();
    private final UUID signId = UUID.randomUUID();
    private final AtomicInteger wipes = new AtomicInteger();
    private final NonceTable.Entry entry =
            table.entry("client-a", UUID.randomUUID(), new byte[32], wipes::incrementAndGet);

    private SigningAudit begun() throws Exception {
        SigningAudit audit = SigningAudit.open(new NodeFiles(dir));
        assertTrue(audit.begin(signId, "client-a", entry.keyId(), "m", new byte[32], List.of(1, 2)));
        return audit;
    }

    @Test
    void aSigningStillOpenKeepsItsStateInTheTable() throws Exception {
        try (SigningAudit audit = begun()) {
            assertTrue(table.add(signId, entry));
            assertTrue(SigningService.stillOpen(table, audit, signId, entry));
            assertSame(entry, table.peek(signId));
            assertEquals(0, wipes.get());
        }
    }

    @Test
    void anAbortRecordedBeforeTheRoundPutItsStateBackLeavesTheRoundToDestroyIt() throws Exception {
        try (SigningAudit audit = begun()) {
            // the abort found nothing in the table, so it ended the signing in the audit and found nothing after
            assertNull(table.take(signId, "client-a"));
            assertTrue(audit.end(signId, Outcome.ABORTED));
            assertNull(table.take(signId, "client-a"));
            // then the round put its state back and asks
            assertTrue(table.add(signId, entry));
            assertFalse(SigningService.stillOpen(table, audit, signId, entry));
            assertNull(table.peek(signId), "an aborted signing has nothing left to sign with");
            assertEquals(1, wipes.get());
        }
    }

    @Test
    void anAbortThatTookTheStateOutDestroysItAndTheRoundDoesNotAgain() throws Exception {
        try (SigningAudit audit = begun()) {
            // the abort ended the signing, the round put its state back, and the abort's second look took it out
            assertTrue(audit.end(signId, Outcome.ABORTED));
            assertTrue(table.add(signId, entry));
            NonceTable.Entry late = table.take(signId, "client-a");
            assertSame(entry, late);
            late.state().destroy();
            assertFalse(SigningService.stillOpen(table, audit, signId, entry));
            assertEquals(1, wipes.get(), "the state is destroyed by the abort alone");
        }
    }
}
