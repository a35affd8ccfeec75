package io.keyshard.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.bytes.BigEndian;
import io.keyshard.bytes.Framing;
import io.keyshard.crypto.Sealer;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.Manifest.Entry;
import io.keyshard.vault.VaultDatabase.SignatureRow;
import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A key's signing history in the vault: append-only rows {@code (keyId, seq)}, each a
 * {@link SignatureEntry} sealed with the record key under associated data that binds the keyId and
 * the sequence number, so an entry cannot be edited, moved to another key or reordered unseen. The
 * vault's index keeps the number of entries per key ({@code sigs:<keyId>}), written in the same
 * transaction as the row, so an entry removed or a history cut back from outside is named too.
 */
final class SignatureHistory {
    private static final String AD_TAG = "keyshard/vault/signature";
    private static final int MAX_SEALED = SignatureCodec.MAX_JSON_BYTES + 64;

    private SignatureHistory() {}

    static String manifestId(UUID keyId) {
        return "sigs:" + keyId;
    }

    /** The entries of {@code keyId}, oldest first; throws TAMPERED when the history does not read back intact. */
    static List<SignatureEntry> read(VaultDatabase db, Sealer sealer, Manifest manifest, UUID keyId) {
        List<SignatureRow> rows = db.signatureRows(keyId);
        List<SignatureEntry> out = new ArrayList<>(rows.size());
        for (SignatureRow row : rows) {
            SignatureEntry e = row.seq() == out.size() + 1 ? open(sealer, row) : null;
            if (e == null) {
                throw tampered("entry " + (out.size() + 1) + " was modified, moved or removed from outside Keyshard");
            }
            out.add(e);
        }
        Entry count = manifest == null ? null : manifest.get(manifestId(keyId));
        int expected = count == null ? 0 : count.version();
        if (manifest != null && expected != out.size()) {
            throw tampered(
                    expected > out.size()
                            ? (expected - out.size()) + " of its " + expected + " entries were removed from outside"
                                    + " Keyshard"
                            : "it holds more entries than the vault's index: the index was rolled back");
        }
        return out;
    }

    /**
     * Checks each entry against its key, seals it, puts the new count into {@code next} and returns the
     * inserts into {@code db}, to run in the same transaction that stores {@code next}.
     */
    static Runnable append(
            VaultDatabase db, Sealer sealer, Manifest next, KeyRecord key, List<SignatureEntry> entries) {
        Entry count = next.get(manifestId(key.keyId()));
        int seq = count == null ? 0 : count.version();
        List<SignatureRow> rows = new ArrayList<>(entries.size());
        for (SignatureEntry e : entries) {
            checkFits(key, e);
            seq++;
            rows.add(new SignatureRow(key.keyId(), seq, seal(sealer, key.keyId(), seq, e)));
        }
        if (!rows.isEmpty()) {
            next.put(manifestId(key.keyId()), new Entry(0, seq));
        }
        return () -> rows.forEach(db::insertSignatureRow);
    }

    /** Refuses an entry the key could not have made: a key not READY, or signers that are not t of its servers. */
    static void checkFits(KeyRecord key, SignatureEntry e) {
        if (key.status() != KeyStatus.READY) {
            throw new IllegalArgumentException("only a READY key signs; this one is " + key.status());
        }
        if (!key.servers().containsAll(e.signers()) || e.signers().size() < key.threshold()) {
            throw new IllegalArgumentException("a signature of this key is made by at least " + key.threshold()
                    + " of its servers " + key.servers() + ", not by " + e.signers());
        }
    }

    /** The entries of {@code incoming} that {@code existing} does not hold yet, in their order. */
    static List<SignatureEntry> missing(List<SignatureEntry> existing, List<SignatureEntry> incoming) {
        Set<SignatureEntry> have = new HashSet<>(existing);
        return incoming.stream().filter(have::add).toList();
    }

    private static byte[] ad(UUID keyId, int seq) {
        return Framing.frame(AD_TAG, keyId.toString().getBytes(StandardCharsets.US_ASCII), BigEndian.u32(seq));
    }

    private static byte[] seal(Sealer sealer, UUID keyId, int seq, SignatureEntry e) {
        byte[] plain;
        try {
            plain = StrictJson.mapper().writeValueAsBytes(SignatureCodec.toJson(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        try {
            return sealer.seal(plain, ad(keyId, seq));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static SignatureEntry open(Sealer sealer, SignatureRow row) {
        if (row.sealed().length > MAX_SEALED) {
            return null;
        }
        byte[] plain = sealer.open(row.sealed(), ad(row.keyId(), row.seq()));
        if (plain == null) {
            return null;
        }
        try {
            return SignatureCodec.fromJson(StrictJson.mapper().readTree(plain));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static VaultException tampered(String what) {
        return new VaultException(
                Reason.TAMPERED,
                "this key's signing history cannot be trusted (" + what + "); restore the vault from a backup");
    }
}
