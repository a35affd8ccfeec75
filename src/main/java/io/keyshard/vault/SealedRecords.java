package io.keyshard.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.keyshard.bytes.Framing;
import io.keyshard.crypto.Sealer;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.Manifest.Entry;
import io.keyshard.vault.VaultDatabase.KeyRow;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

/**
 * How a record is sealed and read back: AES-256-GCM over its JSON with associated data
 * {@code keyshard/vault/record|<keyId>|<version>}, then checked against the vault's index so a
 * modified, swapped, rolled-back or foreign row is named instead of misread.
 */
final class SealedRecords {
    private SealedRecords() {}

    static byte[] recordAd(UUID keyId, int version) {
        return Framing.Frozen.pipeJoined("keyshard/vault/record", keyId, version);
    }

    static byte[] secretAd(String name, int version) {
        return Framing.Frozen.pipeJoined("keyshard/vault/secret", name, version);
    }

    /** The record as sealed JSON, bound to its keyId and version. */
    static byte[] seal(Sealer sealer, KeyRecord r, int version) {
        byte[] plain;
        try {
            plain = StrictJson.mapper().writeValueAsBytes(RecordCodec.toJson(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        byte[] sealed = sealer.seal(plain, recordAd(r.keyId(), version));
        Arrays.fill(plain, (byte) 0);
        return sealed;
    }

    /** A row read back: the record if it is intact, a problem if anything about it is wrong. */
    record RecordCheck(KeyRecord record, RecordProblem problem) {}

    /** Opens and checks one row against the index ({@code manifest} null when the index is unreadable). */
    static RecordCheck check(Sealer sealer, Manifest manifest, KeyRow row) {
        long n = row.rowNo();
        byte[] plain = sealer.open(row.sealed(), recordAd(row.keyId(), row.version()));
        KeyRecord record = null;
        if (plain != null) {
            try {
                record = RecordCodec.fromJson(StrictJson.mapper().readTree(plain));
            } catch (IOException | IllegalArgumentException e) {
                record = null;
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        if (record == null || !record.keyId().equals(row.keyId())) {
            return new RecordCheck(
                    null,
                    new RecordProblem(
                            n,
                            "record #" + n + " cannot be authenticated: it was "
                                    + "modified or swapped with another record; restore it from a backup"));
        }
        Entry e = manifest == null ? null : manifest.get(Manifest.keyId(row.keyId()));
        if (manifest != null && e == null) {
            return new RecordCheck(
                    null,
                    new RecordProblem(
                            n, "record #" + n + " is not in the vault's index: it was added from outside Keyshard"));
        }
        if (e != null && row.version() < e.version()) {
            return new RecordCheck(
                    null,
                    new RecordProblem(
                            n,
                            "record #" + n + " was rolled back to an older copy " + "(version " + row.version()
                                    + ", the vault expects " + e.version() + "); restore it from a backup"));
        }
        if (e != null && row.version() > e.version()) {
            return new RecordCheck(
                    record,
                    new RecordProblem(
                            0, "the vault's index is older than record #" + n + ": the index was rolled back"));
        }
        return new RecordCheck(record, null);
    }
}
