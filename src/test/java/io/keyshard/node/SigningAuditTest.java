package io.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.node.SigningAudit.Outcome;
import io.keyshard.node.SigningJournal.Begin;
import io.keyshard.node.SigningJournal.End;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing audit on a real H2 file and journal: a signId starts one signing only, ends once, and stays
 * after a reopen; what a killed node left in the journal is folded in; a damaged journal stops the start.
 */
class SigningAuditTest {
    @TempDir
    Path dir;

    private final UUID keyId = UUID.randomUUID();
    private final byte[] hash = new byte[32];

    @Test
    void aSignIdIsRecordedOnceEndsOnceAndIsRefusedAgainAfterAReopen() throws Exception {
        UUID signId = UUID.randomUUID();
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
            assertTrue(Files.size(journal()) > 0, "each event is in the journal before the method returns");
        }
        assertEquals(0, Files.size(journal()), "a clean close stores everything in H2 and empties the journal");
        try (SigningAudit reopened = SigningAudit.open(files)) {
            assertEquals(Outcome.SIGNED, reopened.find(signId).orElseThrow().outcome());
            assertFalse(reopened.begin(signId, "client-a", keyId, "m/0/7", hash, List.of(1, 2)));
        }
    }

    @Test
    void whatOnlyTheJournalHoldsIsFoldedInAtOpenAndAReplayedEventChangesNothing() throws Exception {
        UUID signed = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        // a node killed before H2 stored anything: its events are in the journal alone
        writeJournal(
                begin(signed),
                begin(open),
                new End(signed, Outcome.SIGNED, Instant.now()),
                begin(signed), // replayed again: already known
                new End(signed, Outcome.ABORTED, Instant.now())); // ended already: no change
        try (SigningAudit audit = SigningAudit.open(new NodeFiles(dir))) {
            assertEquals(0, Files.size(journal()), "folded into H2 and emptied");
            assertEquals(Outcome.SIGNED, audit.find(signed).orElseThrow().outcome());
            assertEquals(Outcome.COMMITTED, audit.find(open).orElseThrow().outcome());
            assertFalse(audit.begin(open, "client-a", keyId, "m", hash, List.of(1, 2)), "known after the kill");
        }
    }

    @Test
    void theJournalIsFoldedIntoH2AsItGrowsAndNothingIsLostInAFold() throws Exception {
        List<UUID> ids = new ArrayList<>();
        int foldAt = 16 * 1024; // about 110 signings
        try (SigningAudit audit = SigningAudit.open(new NodeFiles(dir), foldAt)) {
            for (int i = 0; i < 400; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                assertTrue(audit.begin(id, "client-a", keyId, "m/0/" + i, hash, List.of(1, 2)));
                assertTrue(audit.end(id, Outcome.SIGNED));
                assertTrue(Files.size(journal()) < foldAt, "folded on the way: " + Files.size(journal()));
            }
        }
        try (SigningAudit reopened = SigningAudit.open(new NodeFiles(dir))) {
            for (UUID id : ids) {
                assertEquals(Outcome.SIGNED, reopened.find(id).orElseThrow().outcome());
            }
        }
    }

    @Test
    void aLastRecordCutByAKillIsIgnoredAndGoneAfterTheStart() throws Exception {
        UUID kept = UUID.randomUUID();
        UUID cut = UUID.randomUUID();
        writeJournal(begin(kept));
        long whole = Files.size(journal());
        writeJournal(begin(cut));
        for (long at : new long[] {whole + 2, Files.size(journal()) - 1}) {
            byte[] all = Files.readAllBytes(journal());
            Files.write(journal(), Arrays.copyOf(all, (int) at));
            try (SigningAudit audit = SigningAudit.open(new NodeFiles(dir))) {
                assertEquals(Outcome.COMMITTED, audit.find(kept).orElseThrow().outcome());
                // its begin() never returned, so its commitment never left: unknown is safe
                assertTrue(audit.find(cut).isEmpty());
            }
            assertEquals(0, Files.size(journal()), "the cut bytes are gone, so no record follows them");
            writeJournal(begin(cut));
            try (SigningAudit audit = SigningAudit.open(new NodeFiles(dir))) {
                assertEquals(Outcome.COMMITTED, audit.find(cut).orElseThrow().outcome());
            }
            Files.delete(dir.resolve("signatures.mv.db"));
            writeJournal(begin(kept), begin(cut));
        }
    }

    @Test
    void aDamagedJournalStopsTheStartSayingWhatToDo() throws Exception {
        writeJournal(begin(UUID.randomUUID()), begin(UUID.randomUUID()));
        byte[] good = Files.readAllBytes(journal());
        byte[] flipped = good.clone();
        flipped[10] ^= 1; // inside the first record: a checksum mismatch, not a cut
        assertRefused(flipped, "at byte 0 (a record whose checksum does not match)");
        byte[] badLength = good.clone();
        badLength[0] = 0x7f; // a length no record has
        assertRefused(badLength, "at byte 0 (a record length that no record has)");
        Files.delete(journal());
        writeJournal(new End(UUID.randomUUID(), Outcome.SIGNED, Instant.now()));
        assertRefused(Files.readAllBytes(journal()), "(it ends a signing that was never begun)");
    }

    private void assertRefused(byte[] journalBytes, String where) throws IOException {
        Files.write(journal(), journalBytes);
        IOException e = assertThrows(IOException.class, () -> SigningAudit.open(new NodeFiles(dir)));
        assertTrue(e.getMessage().contains("is damaged " + where), e.getMessage());
        assertTrue(e.getMessage().contains("move that file out of the folder"), e.getMessage());
        assertTrue(Arrays.equals(journalBytes, Files.readAllBytes(journal())), "the journal is left as it was");
    }

    private Begin begin(UUID signId) {
        return new Begin(signId, "client-a", keyId, "m/1", hash, "1,2", Instant.now());
    }

    private void writeJournal(SigningJournal.Event... events) throws IOException {
        try (SigningJournal j = SigningJournal.open(journal())) {
            for (SigningJournal.Event e : events) {
                j.append(e);
            }
        }
    }

    private Path journal() {
        return dir.resolve(SigningAudit.JOURNAL);
    }
}
