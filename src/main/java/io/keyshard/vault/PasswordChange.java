package io.keyshard.vault;

import io.keyshard.OwnerOnlyFiles;
import io.keyshard.crypto.Sealer;
import io.keyshard.vault.VaultDatabase.KeyRow;
import io.keyshard.vault.VaultDatabase.SecretRow;
import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A crash-safe password change. The re-encrypted database ({@code keyshard-next.mv.db}) and its
 * header ({@code header.json.next}) are written and fsynced beside the live ones; then a journal
 * file ({@code passwd.journal}) is written and fsynced: that is the commit point. After it, the two
 * files are renamed over the old ones and the journal removed. Every open first calls
 * {@link #recover}: with a journal it finishes the renames (the new password is in force), without
 * one it deletes the leftovers (the old password still is). Killed at any step, exactly one of the
 * two passwords opens the vault, and it holds every record.
 */
final class PasswordChange {
    static final String JOURNAL = "passwd.journal";
    static final String NEXT_DB_NAME = VaultFiles.DB_NAME + "-next";
    static final String NEXT_DB_FILE = NEXT_DB_NAME + ".mv.db";
    static final String NEXT_HEADER = VaultFiles.HEADER + ".next";

    private final Path dir;
    private final VaultKeys keys;
    private final VaultHeader header;

    PasswordChange(Path dir, KdfParams kdf, char[] newPassword) {
        this.dir = dir;
        recover(dir);
        byte[] salt = VaultHeader.newSalt();
        this.keys = VaultKeys.derive(newPassword, salt, kdf);
        this.header = VaultHeader.fresh(kdf, salt, keys);
    }

    /** Writes the re-encrypted database (records, secrets, signing histories) and the new header beside the live ones; nothing live changes. */
    void writeNext(
            List<KeyRecord> records,
            List<SecretRow> secrets,
            Function<UUID, List<SignatureEntry>> histories,
            Manifest current) {
        char[] pwd = keys.h2Password();
        try (VaultDatabase db = VaultDatabase.create(dir.resolve(NEXT_DB_NAME), pwd);
                Sealer sealer = keys.recordSealer()) {
            Manifest next = Manifest.continuingRowsOf(current);
            for (KeyRecord r : records) {
                long rowNo = current.get(Manifest.keyId(r.keyId())).rowNo();
                db.putKeyRow(new KeyRow(r.keyId(), rowNo, 1, SealedRecords.seal(sealer, r, 1)));
                next.put(Manifest.keyId(r.keyId()), new Manifest.Entry(rowNo, 1));
                SignatureHistory.append(db, sealer, next, r, histories.apply(r.keyId()))
                        .run();
            }
            for (SecretRow s : secrets) {
                db.putSecretRow(
                        new SecretRow(s.name(), 1, sealer.seal(s.sealed(), SealedRecords.secretAd(s.name(), 1))));
                Arrays.fill(s.sealed(), (byte) 0);
                next.put(Manifest.secretId(s.name()), new Manifest.Entry(0, 1));
            }
            next.write(sealer, db::putMeta);
            db.commitDurably();
        } finally {
            Arrays.fill(pwd, '\0');
        }
        try {
            VaultFiles.ownerOnly(dir.resolve(NEXT_DB_FILE));
            VaultFiles.fsync(dir.resolve(NEXT_DB_FILE));
            CrashPoint.reach("passwd-next-db-written");
            VaultFiles.writeDurably(dir.resolve(NEXT_HEADER), header.toJson());
            OwnerOnlyFiles.fsyncDir(dir);
            CrashPoint.reach("passwd-next-header-written");
        } catch (IOException e) {
            throw new VaultException(Reason.IO, "the password was not changed: " + e.getMessage());
        }
    }

    /** Writes the journal (the commit point), then puts the new files in place. The live database must be closed. */
    void commit() {
        try {
            VaultFiles.writeDurably(dir.resolve(JOURNAL), "commit\n".getBytes(StandardCharsets.US_ASCII));
            OwnerOnlyFiles.fsyncDir(dir);
        } catch (IOException e) {
            throw new VaultException(Reason.IO, "the password was not changed: " + e.getMessage());
        }
        CrashPoint.reach("passwd-journal-written");
        rollForward(dir);
    }

    VaultHeader header() {
        return header;
    }

    VaultKeys keys() {
        return keys;
    }

    /** Finishes or discards an interrupted password change; called under the vault lock before every open. */
    static void recover(Path dir) {
        if (Files.exists(dir.resolve(JOURNAL))) {
            rollForward(dir);
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(NEXT_DB_FILE));
            Files.deleteIfExists(dir.resolve(NEXT_HEADER));
            OwnerOnlyFiles.deleteTemps(dir.resolve(NEXT_HEADER));
        } catch (IOException e) {
            throw new VaultException(Reason.IO, "cannot clean up an interrupted password change: " + e.getMessage());
        }
    }

    private static void rollForward(Path dir) {
        try {
            if (Files.exists(dir.resolve(NEXT_DB_FILE))) {
                OwnerOnlyFiles.moveAtomically(dir.resolve(NEXT_DB_FILE), dir.resolve(VaultFiles.DB_FILE));
            }
            CrashPoint.reach("passwd-db-replaced");
            if (Files.exists(dir.resolve(NEXT_HEADER))) {
                OwnerOnlyFiles.moveAtomically(dir.resolve(NEXT_HEADER), dir.resolve(VaultFiles.HEADER));
            }
            CrashPoint.reach("passwd-header-replaced");
            Files.delete(dir.resolve(JOURNAL));
            OwnerOnlyFiles.fsyncDir(dir);
            CrashPoint.reach("passwd-done");
        } catch (IOException e) {
            throw new VaultException(Reason.IO, "cannot finish the interrupted password change: " + e.getMessage());
        }
    }

    /** Deletes a folder this code created, deepest first. */
    static void deleteTree(Path root) {
        try {
            OwnerOnlyFiles.deleteTree(root);
        } catch (IOException e) {
            // best effort: a leftover temporary folder holds no vault and is not mistaken for one
        }
    }
}
