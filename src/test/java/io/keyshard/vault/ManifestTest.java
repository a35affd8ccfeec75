package io.keyshard.vault;

import static io.keyshard.vault.VaultFixtures.LIGHT;
import static io.keyshard.vault.VaultFixtures.pending;
import static io.keyshard.vault.VaultFixtures.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keyshard.crypto.Sealer;
import io.keyshard.vault.VaultDatabase.KeyRow;
import io.keyshard.vault.VaultException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bucketed index: a write re-seals only what changed, and a bucket put back to an older copy is caught. */
class ManifestTest {
    @TempDir
    Path home;

    @Test
    void aWriteReSealsOnlyTheChangedBucketAndTheHeader() {
        Sealer sealer = new Sealer(new byte[32]);
        Manifest m = new Manifest();
        for (int i = 0; i < 1000; i++) {
            m.put(Manifest.keyId(UUID.randomUUID()), new Manifest.Entry(i + 1, 1));
        }
        Map<String, byte[]> rows = new HashMap<>();
        m.write(sealer, rows::put);
        assertEquals(Manifest.BUCKETS + 1, rows.size(), "the first write stores every bucket and the header");
        Manifest next = m.copy();
        String id = Manifest.keyId(UUID.randomUUID());
        next.put(id, new Manifest.Entry(1001, 1));
        Map<String, byte[]> written = new HashMap<>();
        next.write(sealer, written::put);
        assertEquals(Set.of(Manifest.HEADER_ROW, Manifest.bucketRow(Manifest.bucket(id))), written.keySet());
        int bytes = written.values().stream().mapToInt(b -> b.length).sum();
        int whole = rows.values().stream().mapToInt(b -> b.length).sum();
        assertTrue(bytes * 10 < whole, "one new key re-seals " + bytes + " of " + whole + " bytes");
        rows.putAll(written);
        Manifest back = Manifest.read(rows::get, sealer);
        assertNotNull(back);
        assertEquals(next.entries(), back.entries());
        assertEquals(next.generation(), back.generation());
    }

    @Test
    void aBucketPutBackToAnOlderCopyWithItsRecordMakesTheIndexFail() {
        KeyRecord a = pending("a");
        KeyRecord b = pending("b");
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            v.createPending(a);
            v.createPending(b);
        }
        String bucketOfA = Manifest.bucketRow(Manifest.bucket(Manifest.keyId(a.keyId())));
        KeyRow oldRow;
        byte[] oldBucket;
        try (VaultDatabase db = RawVault.open(home, pw())) {
            oldRow = db.keyRow(a.keyId());
            oldBucket = db.meta(bucketOfA);
        }
        try (Vault v = Vault.open(home, pw())) {
            v.markReady(a.keyId(), VaultFixtures.rootKey(), VaultFixtures.chainCode(), VaultFixtures.shares());
        }
        try (VaultDatabase db = RawVault.open(home, pw())) {
            db.putKeyRow(oldRow); // the PENDING copy, validly sealed, and the index bucket that described it
            db.putMeta(bucketOfA, oldBucket);
            db.commitDurably();
        }
        try (Vault v = Vault.open(home, pw())) {
            List<KeyRecord> listed = v.list();
            assertEquals(2, listed.size(), "both records still read");
            assertTrue(
                    v.problems().get(0).message().contains("index fails authentication"),
                    v.problems().toString());
            VaultException e = assertThrows(VaultException.class, () -> v.createPending(pending("c")));
            assertEquals(Reason.TAMPERED, e.reason(), "read-only until exported and imported into a new vault");
        }
    }

    @Test
    void aVaultWithTheOneBlobIndexOfEarlierVersionsOpensAndIsRewrittenBucketed() throws Exception {
        List<KeyRecord> made = new ArrayList<>();
        try (Vault v = Vault.create(home, pw(), LIGHT)) {
            for (int i = 0; i < 3; i++) {
                made.add(pending("old " + i));
                v.createPending(made.get(i));
            }
        }
        byte[] legacy;
        try (Vault v = Vault.open(home, pw());
                Sealer sealer = v.keys().recordSealer()) {
            // what versions before the bucketed index stored: one sealed blob, generation first
            Manifest current = v.writableManifest();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(current.generation());
                out.writeLong(current.nextRowNo());
                out.writeInt(current.size());
                for (Map.Entry<String, Manifest.Entry> e : current.entries().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeLong(e.getValue().rowNo());
                    out.writeInt(e.getValue().version());
                }
            }
            legacy = sealer.seal(bytes.toByteArray(), Manifest.AD);
        }
        try (VaultDatabase db = RawVault.open(home, pw())) {
            db.putMeta(Manifest.HEADER_ROW, legacy);
            db.commitDurably();
        }
        StringBuilder drop = new StringBuilder("DELETE FROM META WHERE NAME LIKE 'manifest.%'");
        RawVault.execute(home, pw(), drop.toString());
        try (VaultDatabase db = RawVault.open(home, pw())) {
            assertNull(db.meta(Manifest.bucketRow(0)), "set up as an earlier version left it");
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(
                    made.stream().map(KeyRecord::keyId).collect(Collectors.toSet()),
                    v.list().stream().map(KeyRecord::keyId).collect(Collectors.toSet()));
            assertTrue(v.problems().isEmpty(), v.problems().toString());
            v.createPending(pending("new"));
        }
        try (VaultDatabase db = RawVault.open(home, pw())) {
            for (int b = 0; b < Manifest.BUCKETS; b++) {
                assertNotNull(db.meta(Manifest.bucketRow(b)), "the first write stores every bucket");
            }
        }
        try (Vault v = Vault.open(home, pw())) {
            assertEquals(4, v.list().size());
            assertTrue(v.problems().isEmpty(), v.problems().toString());
        }
    }
}
