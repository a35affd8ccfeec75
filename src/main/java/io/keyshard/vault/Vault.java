package io.keyshard.vault;

import io.keyshard.crypto.Sealer;
import io.keyshard.vault.Manifest.Entry;
import io.keyshard.vault.VaultDatabase.KeyRow;
import io.keyshard.vault.VaultDatabase.SecretRow;
import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The encrypted vault of keyIds (docs/vault.md): {@code <home>/vault/} holds an H2 database
 * (CIPHER=AES, file password from Argon2id) whose records are each sealed with AES-256-GCM, and a
 * MACed header. Open it with {@link #open}, create it with {@link #create}; one process at a time.
 * Every write is durable when the method returns. Close it to release the lock and wipe the keys.
 */
public final class Vault implements AutoCloseable {
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9_.:@-]{1,200}");

    private final Path home;
    private final VaultLock lock;
    private VaultHeader header;
    private VaultKeys keys;
    private Sealer sealer;
    private VaultDatabase db;
    private Manifest manifest;
    private final List<RecordProblem> problems = new ArrayList<>();
    private final AutoBackup autoBackup = new AutoBackup(this);
    private boolean closed;
    private boolean stopped;
    private volatile String backupProblem;

    private Vault(Path home, VaultLock lock, VaultHeader header, VaultKeys keys) {
        this.home = home;
        this.lock = lock;
        attach(header, keys);
    }

    /** True when {@code <home>/vault} holds a vault (complete or mid-way through a password change). */
    public static boolean exists(Path home) {
        Path dir = VaultFiles.vaultDir(home);
        return Files.exists(dir.resolve(VaultFiles.HEADER))
                || Files.exists(dir.resolve(VaultFiles.DB_FILE))
                || Files.exists(dir.resolve(PasswordChange.JOURNAL));
    }

    /** Throws NO_VAULT ("run keyshard init") unless {@link #exists}; lets a caller fail before asking for a password. */
    public static void requireExists(Path home) {
        Path root = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(VaultFiles.vaultDir(root)) || !exists(root)) {
            throw new VaultException(
                    Reason.NO_VAULT,
                    "no vault in " + root + ": run keyshard init "
                            + "(or point --home / KEYSHARD_HOME at the folder that has one)");
        }
    }

    /** Creates a vault with the production Argon2id parameters ({@link KdfParams#PRODUCTION}). */
    public static Vault create(Path home, char[] password) {
        return create(home, password, KdfParams.PRODUCTION);
    }

    /**
     * Creates a vault with the given Argon2id parameters, recorded in its header (tests use lighter
     * ones). Built in a temporary folder and renamed into place, so a crash leaves no half vault.
     */
    public static Vault create(Path home, char[] password, KdfParams kdf) {
        checkNewPassword(password);
        Path root = home.toAbsolutePath().normalize();
        VaultCreation.Created made = VaultCreation.build(root, password, kdf);
        try {
            VaultLock lock = VaultLock.acquire(VaultFiles.vaultDir(root));
            try {
                return new Vault(root, lock, made.header(), made.keys());
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (RuntimeException e) {
            made.keys().close();
            throw e;
        }
    }

    /**
     * Opens the vault. Throws {@link VaultException}: no vault ("run keyshard init"), in use, wrong
     * password (nothing touched), made by a newer version, a damaged or modified header or database,
     * or a database that defines code (refused before it runs).
     */
    public static Vault open(Path home, char[] password) {
        Path root = home.toAbsolutePath().normalize();
        Path dir = VaultFiles.vaultDir(root);
        requireExists(root);
        VaultLock lock = VaultLock.acquire(dir);
        VaultKeys keys = null;
        try {
            PasswordChange.recover(dir);
            if (!Files.exists(dir.resolve(VaultFiles.HEADER))) {
                throw new VaultException(
                        Reason.TAMPERED,
                        "the vault header vault/" + VaultFiles.HEADER
                                + " is missing; restore the vault from a backup (keyshard vault import)");
            }
            if (!Files.exists(dir.resolve(VaultFiles.DB_FILE))) {
                throw new VaultException(
                        Reason.DAMAGED,
                        "the vault database vault/" + VaultFiles.DB_FILE
                                + " is missing; restore the vault from a backup (keyshard vault import)");
            }
            VaultHeader header = VaultHeader.read(dir.resolve(VaultFiles.HEADER));
            keys = VaultKeys.derive(password, header.salt, header.kdf);
            header.verify(keys);
            return new Vault(root, lock, header, keys);
        } catch (RuntimeException e) {
            if (keys != null) {
                keys.close();
            }
            lock.close();
            throw e;
        }
    }

    /** Checks the database for code, opens it, migrates its schema forward and loads the index. */
    private void attach(VaultHeader newHeader, VaultKeys newKeys) {
        Path dir = VaultFiles.vaultDir(home);
        char[] filePwd = newKeys.h2FilePassword();
        char[] pwd = newKeys.h2Password();
        try {
            SchemaGuard.check(dir.resolve(VaultFiles.DB_FILE), filePwd);
            db = VaultDatabase.open(dir.resolve(VaultFiles.DB_NAME), pwd);
            db.migrate();
            VaultFiles.ownerOnlyAll(dir);
        } catch (IOException e) {
            throw new VaultException(Reason.IO, "cannot restrict the vault's files to their owner: " + e.getMessage());
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            throw e;
        } finally {
            Arrays.fill(filePwd, '\0');
            Arrays.fill(pwd, '\0');
        }
        header = newHeader;
        keys = newKeys;
        sealer = newKeys.recordSealer();
        manifest = Manifest.read(db::meta, sealer);
    }

    /** Writes a new PENDING record; returns only once it is durable on disk. */
    public synchronized void createPending(KeyRecord pending) {
        Objects.requireNonNull(pending, "pending");
        if (pending.status() != KeyStatus.PENDING) {
            throw new IllegalArgumentException("createPending takes a PENDING record");
        }
        Manifest next = writableManifest().copy();
        if (next.contains(Manifest.keyId(pending.keyId())) || db.keyRow(pending.keyId()) != null) {
            throw new IllegalArgumentException("a key with this keyId is already in the vault");
        }
        long rowNo = next.allocateRow();
        writeRecords(List.of(new Versioned(pending, rowNo, 1)), next);
    }

    /** Makes a PENDING key READY (durable on return) with the result all servers agreed on; the automatic backup follows in the background. */
    public synchronized KeyRecord markReady(
            UUID keyId, String rootPublicKey, String chainCode, Map<String, String> verificationShares) {
        KeyRecord current = require(keyId);
        KeyRecord ready = current.ready(rootPublicKey, chainCode, verificationShares);
        if (current.status() == KeyStatus.READY) {
            if (current.equals(ready)) {
                return current;
            }
            throw new IllegalStateException("this key is already READY with a different result");
        }
        if (current.status() == KeyStatus.FAILED) {
            throw new IllegalStateException("this key's generation already failed; it cannot become READY");
        }
        update(current, ready);
        autoBackup.request();
        return ready;
    }

    /** Makes a PENDING key FAILED with a reason; a READY key is never failed (its shares exist). */
    public synchronized KeyRecord markFailed(UUID keyId, String reason) {
        KeyRecord current = require(keyId);
        if (current.status() == KeyStatus.FAILED) {
            return current;
        }
        if (current.status() == KeyStatus.READY) {
            throw new IllegalStateException("this key is READY; a READY key cannot be marked FAILED");
        }
        KeyRecord failed = current.failed(reason == null || reason.isBlank() ? "unknown failure" : reason);
        update(current, failed);
        return failed;
    }

    /** Gives a key another label (blank: none), durable on return; the keyId and the shares are untouched. */
    public synchronized KeyRecord relabel(UUID keyId, String label) {
        KeyRecord current = require(keyId);
        KeyRecord renamed = current.withLabel(label == null ? null : label.strip());
        if (renamed.equals(current)) {
            return current;
        }
        update(current, renamed);
        autoBackup.request();
        return renamed;
    }

    /** Removes a key's record for good (see {@link KeyDeletion}); its shares stay on the servers. */
    public synchronized void delete(UUID keyId) {
        KeyDeletion.delete(this, Objects.requireNonNull(keyId, "keyId"));
    }

    /** Every record that reads back intact, oldest first; those that do not are in {@link #problems()}. */
    public synchronized List<KeyRecord> list() {
        ensureOpen();
        problems.clear();
        List<KeyRecord> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (manifest == null) {
            problems.add(new RecordProblem(
                    0,
                    "the vault's index fails authentication (modified): rolled-back "
                            + "records cannot be detected and the vault is read-only; export a backup and import it "
                            + "into a new vault"));
        }
        for (KeyRow row : db.keyRows()) {
            seen.add(Manifest.keyId(row.keyId()));
            SealedRecords.RecordCheck c = SealedRecords.check(sealer, manifest, row);
            if (c.problem() != null) {
                problems.add(c.problem());
            }
            if (c.record() != null) {
                out.add(c.record());
            }
        }
        if (manifest != null) {
            manifest.entries().forEach((id, e) -> {
                if (id.startsWith("key:") && !seen.contains(id)) {
                    problems.add(new RecordProblem(
                            e.rowNo(),
                            "record #" + e.rowNo()
                                    + " is missing: it was deleted from outside Keyshard; restore it from a backup"));
                }
            });
        }
        return out;
    }

    /** Problems found by the last {@link #list()}: records that were modified, swapped, rolled back or removed. */
    public synchronized List<RecordProblem> problems() {
        return List.copyOf(problems);
    }

    /** The record, if present; throws TAMPERED when it is present but does not read back intact. */
    public synchronized Optional<KeyRecord> get(UUID keyId) {
        ensureOpen();
        KeyRow row = db.keyRow(keyId);
        if (row == null) {
            return Optional.empty();
        }
        SealedRecords.RecordCheck c = SealedRecords.check(sealer, manifest, row);
        if (c.record() == null) {
            throw new VaultException(Reason.TAMPERED, c.problem().message());
        }
        return Optional.of(c.record());
    }

    /** Records still PENDING: key generations a crash or restart interrupted, to be resolved. */
    public List<KeyRecord> findPending() {
        return list().stream().filter(r -> r.status() == KeyStatus.PENDING).toList();
    }

    /** Appends to a key's sealed, append-only signing history, in order, in one durable transaction. */
    public synchronized void recordSignatures(UUID keyId, List<SignatureEntry> entries) {
        Manifest next = writableManifest().copy();
        commit(next, SignatureHistory.append(db, sealer, next, require(keyId), entries));
        autoBackup.request();
    }

    /** A key's signing history, oldest first; TAMPERED when an entry was modified, removed or added from outside. */
    public synchronized List<SignatureEntry> signatures(UUID keyId) {
        ensureOpen();
        return SignatureHistory.read(db, sealer, manifest, Objects.requireNonNull(keyId, "keyId"));
    }

    /** Seals and stores a credential (for example a remote server's API key) under {@code name}. */
    public synchronized void putSecret(String name, byte[] value) {
        checkSecretName(name);
        Manifest next = writableManifest().copy();
        Entry old = next.get(Manifest.secretId(name));
        int version = old == null ? 1 : old.version() + 1;
        next.put(Manifest.secretId(name), new Entry(0, version));
        commit(
                next,
                () -> db.putSecretRow(
                        new SecretRow(name, version, sealer.seal(value, SealedRecords.secretAd(name, version)))));
    }

    /** The credential stored under {@code name}; the caller wipes it after use. */
    public synchronized Optional<byte[]> getSecret(String name) {
        checkSecretName(name);
        ensureOpen();
        for (SecretRow row : db.secretRows()) {
            if (row.name().equals(name)) {
                Entry e = manifest == null ? null : manifest.get(Manifest.secretId(name));
                byte[] plain = sealer.open(row.sealed(), SealedRecords.secretAd(name, row.version()));
                if (plain == null || (manifest != null && (e == null || e.version() != row.version()))) {
                    throw new VaultException(
                            Reason.TAMPERED,
                            "the stored secret '" + name + "' was modified, swapped or rolled back; store it again");
                }
                return Optional.of(plain);
            }
        }
        return Optional.empty();
    }

    public synchronized void removeSecret(String name) {
        checkSecretName(name);
        Manifest next = writableManifest().copy();
        next.remove(Manifest.secretId(name));
        commit(next, () -> db.deleteSecretRow(name));
    }

    /**
     * Re-encrypts the vault under a new password. Crash-safe: killed at any step, exactly one of the
     * two passwords opens the vault afterwards, with every record (see {@link PasswordChange}). The
     * automatic backups are then re-sealed under the new password, so the old one opens none of them.
     */
    public synchronized void changePassword(char[] oldPassword, char[] newPassword) {
        ensureOpen();
        checkNewPassword(newPassword);
        try (VaultKeys check = VaultKeys.derive(oldPassword, header.salt, header.kdf)) {
            if (!check.sameAs(keys)) {
                throw new VaultException(Reason.WRONG_PASSWORD, "wrong password: the password was not changed");
            }
        }
        List<KeyRecord> records = list();
        if (!problems.isEmpty() || manifest == null) {
            throw new VaultException(
                    Reason.TAMPERED,
                    "the password was not changed because the vault has damaged " + "records: "
                            + problems.get(0).message());
        }
        List<SecretRow> secrets = new ArrayList<>();
        for (SecretRow row : db.secretRows()) {
            byte[] value = getSecret(row.name()).orElseThrow();
            secrets.add(new SecretRow(row.name(), 1, value));
        }
        Path dir = VaultFiles.vaultDir(home);
        PasswordChange change = new PasswordChange(dir, header.kdf, newPassword);
        change.writeNext(records, secrets, this::signatures, manifest);
        AutoBackupFiles.Opened backups = AutoBackupFiles.openAll(this);
        closeDatabase();
        change.commit();
        attach(change.header(), change.keys());
        backupProblem = backups.sealUnder(this);
    }

    public Path home() {
        return home;
    }

    /** Why the last automatic backup could not be written, if it could not (the record itself is saved). */
    public Optional<String> lastBackupProblem() {
        autoBackup.flush();
        String problem = autoBackup.problem();
        return Optional.ofNullable(problem != null ? problem : backupProblem);
    }

    /** Closes the database, releases the lock and wipes the keys. */
    @Override
    public void close() {
        autoBackup.finish();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                closeDatabase();
            } finally {
                lock.close();
            }
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    // ---- package-private: backups and password change build on these ----

    VaultHeader header() {
        return header;
    }

    VaultKeys keys() {
        return keys;
    }

    /** How many times the index was written (it only grows); the automatic backups' names carry it. */
    synchronized long generation() {
        return writableManifest().generation();
    }

    /** A record with the row number and version it is stored under. */
    record Versioned(KeyRecord record, long rowNo, int version) {}

    /** Writes records and the updated index in one durable transaction. */
    synchronized void writeRecords(Collection<Versioned> records, Manifest next) {
        for (Versioned v : records) {
            RecordCodec.fromJson(RecordCodec.toJson(v.record())); // refuse what could not be read back
            next.put(Manifest.keyId(v.record().keyId()), new Entry(v.rowNo(), v.version()));
        }
        commit(
                next,
                () -> records.forEach(v -> db.putKeyRow(
                        new KeyRow(v.record().keyId(), v.rowNo(), v.version(), seal(v.record(), v.version())))));
    }

    /** Deletes a record's row and stores the index without it in one durable transaction. */
    synchronized void removeRecord(UUID keyId, Manifest next) {
        commit(next, () -> db.deleteKeyRow(keyId));
    }

    /** Asks for an automatic backup in the background (a change the backups should carry). */
    void requestBackup() {
        autoBackup.request();
    }

    /** Runs the row writes and stores the new index in one transaction, durable on return. */
    private void commit(Manifest next, Runnable rowWrites) {
        next.advanceGeneration();
        try {
            rowWrites.run();
            next.write(sealer, db::putMeta);
            db.commitDurably();
            manifest = next;
        } catch (RuntimeException e) {
            db.rollback();
            // H2 stops its store after a failed write (a full disk): open it again on the next call
            stopped = e instanceof VaultException v && v.reason() == Reason.IO;
            throw e;
        }
    }

    /** Opens the database again after H2 stopped it; if it still cannot, the next call tries again. */
    private void reopenStopped() {
        try {
            db.close();
        } catch (RuntimeException alreadyStopped) {
            // the store is closed already; the connection is released either way
        }
        char[] pwd = keys.h2Password();
        try {
            db = VaultDatabase.open(VaultFiles.vaultDir(home).resolve(VaultFiles.DB_NAME), pwd);
            manifest = Manifest.read(db::meta, sealer);
            stopped = false;
        } catch (VaultException stillFailing) {
            // still no space: the caller gets the stopped database's error, and the next call tries again
        } finally {
            Arrays.fill(pwd, '\0');
        }
    }

    synchronized Manifest writableManifest() {
        ensureOpen();
        if (manifest == null) {
            throw new VaultException(
                    Reason.TAMPERED,
                    "the vault's index fails authentication (modified), so the "
                            + "vault is read-only; export a backup and import it into a new vault");
        }
        return manifest;
    }

    private byte[] seal(KeyRecord r, int version) {
        return SealedRecords.seal(sealer, r, version);
    }

    private KeyRecord require(UUID keyId) {
        return get(Objects.requireNonNull(keyId, "keyId"))
                .orElseThrow(() -> new IllegalArgumentException("no key with this keyId in the vault"));
    }

    private void update(KeyRecord current, KeyRecord updated) {
        Manifest next = writableManifest().copy();
        Entry e = next.get(Manifest.keyId(current.keyId()));
        writeRecords(List.of(new Versioned(updated, e.rowNo(), e.version() + 1)), next);
    }

    private void closeDatabase() {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            db = null;
            if (sealer != null) {
                sealer.close();
            }
            if (keys != null) {
                keys.close();
            }
        }
    }

    private void ensureOpen() {
        if (closed || db == null) {
            throw new IllegalStateException("the vault is closed");
        }
        if (stopped) {
            reopenStopped();
        }
    }

    private static void checkSecretName(String name) {
        if (name == null || !SECRET_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret's name is 1-200 letters, digits or _.:@-");
        }
    }

    static void checkNewPassword(char[] password) {
        PasswordRule.check(password, PasswordRule.Purpose.VAULT);
    }
}
