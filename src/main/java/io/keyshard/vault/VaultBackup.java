package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.Home;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Sealer;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Encrypted backups of the key records. A backup file is JSON:
 * <pre>
 * { "format": "keyshard-backup", "version": 1, "protection": "own-password" | "vault-password",
 *   "kdf": { "algorithm": "argon2id", "memoryKiB", "iterations", "parallelism" },
 *   "salt": hex, "keySalt": hex (vault-password only), "sealed": base64 }
 * </pre>
 * {@code sealed} is AES-256-GCM over {@code {"version":1,"createdAt":...,"keys":[record...],
 * "signatures":{keyId:[entry...]},"archived":[keyId...]}} with the envelope's other fields as
 * associated data: the signing histories ({@link BackupSignatures}) and the keys hidden from the Keys
 * list ({@link KeyArchive}, left out when empty; older readers ignore both). "own-password" ({@code vault export}): the key is
 * Argon2id(backup password, salt) with the vault's own cost parameters. "vault-password" (the
 * automatic backups in {@code <home>/backups/}): salt and parameters are the vault's, so the vault
 * password at the time opens it; the key is HKDF(vault root key, keySalt, "keyshard/vault/auto-backup")
 * with a fresh keySalt per file, which spares a second Argon2id run after every new key. Neither
 * form leaks more than the vault header already does (the same salt and cost guard the same password).
 */
public final class VaultBackup {
    static final String FORMAT = "keyshard-backup";
    static final int VERSION = PasswordSealedFile.VERSION;
    static final int KEEP_AUTOMATIC = 10;
    private static final long MAX_SIZE = 64L * 1024 * 1024;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    /** What an import did: records added, already there (identical), and in conflict (the vault's kept). */
    public record ImportResult(int added, int alreadyPresent, int conflicting) {}

    /** What a backup holds: the key records, their signing histories and which of them are archived. */
    public record Contents(List<KeyRecord> keys, Map<UUID, List<SignatureEntry>> signatures, Set<UUID> archived) {}

    private VaultBackup() {}

    /** Writes every readable record to {@code out}, sealed under its own password; refuses to overwrite. */
    public static int export(Vault vault, Path out, char[] password) {
        PasswordRule.check(password, PasswordRule.Purpose.BACKUP);
        if (Files.exists(out)) {
            throw new VaultException(Reason.BAD_BACKUP, out + " already exists; choose a new file name");
        }
        List<KeyRecord> records = vault.list();
        Set<UUID> archived = KeyArchive.archived(vault);
        byte[] salt = VaultHeader.newSalt();
        KdfParams kdf = vault.header().kdf;
        byte[] key = kdf.derive(password, salt, 32);
        try (Sealer sealer = new Sealer(key)) {
            write(
                    out,
                    envelope("own-password", kdf, salt, null),
                    new Contents(records, BackupSignatures.of(vault, records), archived),
                    sealer);
        } catch (IOException e) {
            throw new VaultException(Reason.IO, "cannot write the backup " + out + ": " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        return records.size();
    }

    /**
     * Merges the backup's records into the vault by keyId: adds the missing ones, never overwrites; then
     * appends to each added or identical key the signatures of its backed-up history it lacks.
     */
    public static ImportResult importInto(Vault vault, Path file, char[] password) {
        return importInto(vault, readContents(file, password));
    }

    /**
     * Merges contents already read (see {@link #importInto(Vault, Path, char[])}): added keys keep their
     * archived mark, and added or identical keys gain the signatures of their history they lack.
     */
    public static ImportResult importInto(Vault vault, Contents contents) {
        List<KeyRecord> incoming = contents.keys();
        Set<UUID> merged = new HashSet<>();
        List<Vault.Versioned> toAdd = new ArrayList<>();
        int same = 0;
        int conflicting = 0;
        Manifest next = vault.writableManifest().copy();
        for (KeyRecord r : incoming) {
            Optional<KeyRecord> existing;
            try {
                existing = vault.get(r.keyId());
            } catch (VaultException e) {
                conflicting++;
                continue;
            }
            if (existing.isEmpty()) {
                toAdd.add(new Vault.Versioned(r, next.allocateRow(), 1));
                merged.add(r.keyId());
            } else if (existing.get().equals(r)) {
                same++;
                merged.add(r.keyId());
            } else {
                conflicting++;
            }
        }
        if (!toAdd.isEmpty()) {
            vault.writeRecords(toAdd, next);
            List<UUID> archivedAdded = toAdd.stream()
                    .map(v -> v.record().keyId())
                    .filter(contents.archived()::contains)
                    .toList();
            if (!archivedAdded.isEmpty()) {
                KeyArchive.archiveAll(vault, archivedAdded);
            }
        }
        BackupSignatures.importInto(vault, contents.signatures(), merged);
        return new ImportResult(toAdd.size(), same, conflicting);
    }

    /** Decrypts and validates a backup file (either protection) and returns its records. */
    public static List<KeyRecord> read(Path file, char[] password) {
        return readContents(file, password).keys();
    }

    /** Decrypts and validates a backup file (either protection): its records, signing histories and archived marks. */
    public static Contents readContents(Path file, char[] password) {
        JsonNode env = readEnvelope(file);
        String protection = env.path("protection").asText();
        KdfParams kdf;
        byte[] salt;
        byte[] keySalt = null;
        try {
            kdf = KdfParams.readFrom(env);
            salt = Hex.decode(env.required("salt").asText(), "salt");
            if ("vault-password".equals(protection)) {
                keySalt = Hex.decode(env.required("keySalt").asText(), "keySalt");
            } else if (!"own-password".equals(protection)) {
                throw new IllegalArgumentException("unknown protection");
            }
        } catch (IllegalArgumentException e) {
            throw bad(file, "its header is malformed");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(env.required("sealed").asText());
        } catch (IllegalArgumentException e) {
            throw bad(file, "its sealed part is not base64");
        }
        byte[] plain;
        try (Sealer sealer = sealerFor(protection, password, kdf, salt, keySalt)) {
            plain = sealer.open(sealed, associatedData(protection, kdf, salt, keySalt));
        }
        if (plain == null) {
            throw new VaultException(
                    Reason.WRONG_PASSWORD,
                    "wrong backup password, or the backup file " + file + " was modified; nothing was imported");
        }
        try {
            return contents(file, StrictJson.mapper().readTree(plain));
        } catch (IOException e) {
            throw bad(file, "its contents are not valid JSON");
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Writes the automatic backup after a new READY key and keeps the newest ten; returns a problem or null. */
    static String writeAutomatic(Vault vault) {
        try {
            Path dir = Home.ensureOwnerOnlyDir(vault.home().resolve("backups"));
            byte[] keySalt = VaultHeader.newSalt();
            VaultHeader h = vault.header();
            List<KeyRecord> records = vault.list();
            Set<UUID> archived = KeyArchive.archived(vault);
            Path out = dir.resolve("auto-" + STAMP.format(Instant.now()) + "-"
                    + String.format("%012d", vault.writableManifest().generation()) + ".ksbackup");
            try (Sealer sealer = vault.keys().backupSealer(keySalt)) {
                write(
                        out,
                        envelope("vault-password", h.kdf, h.salt, keySalt),
                        new Contents(records, BackupSignatures.of(vault, records), archived),
                        sealer);
            }
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> all = files.toList();
                List<Path> auto = all.stream()
                        .filter(p -> p.getFileName().toString().matches("auto-.*\\.ksbackup"))
                        .sorted()
                        .toList();
                for (int i = 0; i < auto.size() - KEEP_AUTOMATIC; i++) {
                    Files.deleteIfExists(auto.get(i));
                }
                for (Path p : all) {
                    // a backup interrupted by a crash; only this process (holding the vault lock) writes here
                    if (p.getFileName().toString().matches("auto-.*\\.ksbackup\\.tmp.*")) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return notWritten(e);
        }
    }

    /** What the user is told when an automatic backup failed: the kind of error only (no path or keyId), and the remedy. */
    static String notWritten(Throwable e) {
        return "the automatic backup was not written (" + e.getClass().getSimpleName() + "); run keyshard vault export";
    }

    private static void write(Path out, ObjectNode env, Contents contents, Sealer sealer) throws IOException {
        ObjectNode inner = StrictJson.mapper().createObjectNode();
        inner.put("version", VERSION);
        inner.put("createdAt", Instant.now().toString());
        ArrayNode keys = inner.putArray("keys");
        contents.keys().forEach(r -> keys.add(RecordCodec.toJson(r)));
        BackupSignatures.write(inner, contents.signatures());
        if (!contents.archived().isEmpty()) {
            inner.set("archived", KeyArchive.toJson(contents.archived()));
        }
        byte[] plain = StrictJson.mapper().writeValueAsBytes(inner);
        try {
            PasswordSealedFile.write(out, env, plain, sealer);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static ObjectNode envelope(String protection, KdfParams kdf, byte[] salt, byte[] keySalt) {
        return PasswordSealedFile.envelope(FORMAT, protection, kdf, salt, keySalt);
    }

    private static byte[] associatedData(String protection, KdfParams kdf, byte[] salt, byte[] keySalt) {
        return PasswordSealedFile.associatedData(FORMAT, protection, kdf, salt, keySalt);
    }

    private static Sealer sealerFor(String protection, char[] password, KdfParams kdf, byte[] salt, byte[] keySalt) {
        if ("vault-password".equals(protection)) {
            try (VaultKeys keys = VaultKeys.derive(password, salt, kdf)) {
                return keys.backupSealer(keySalt);
            }
        }
        byte[] key = kdf.derive(password, salt, 32);
        try {
            return new Sealer(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static JsonNode readEnvelope(Path file) {
        return PasswordSealedFile.readEnvelope(file, FORMAT, MAX_SIZE, "imported");
    }

    /** The records and signing histories of a backup's decrypted inner document. */
    static Contents contents(Path file, JsonNode inner) {
        List<KeyRecord> keys = records(file, inner);
        try {
            return new Contents(keys, BackupSignatures.read(inner, keys), archived(file, inner, keys));
        } catch (IllegalArgumentException e) {
            throw bad(file, "a signing history is invalid: " + e.getMessage());
        }
    }

    static List<KeyRecord> records(Path file, JsonNode inner) {
        JsonNode keys = inner.get("keys");
        if (!inner.path("version").isInt()
                || inner.get("version").intValue() > VERSION
                || keys == null
                || !keys.isArray()) {
            throw bad(file, "its contents are not a list of keys");
        }
        List<KeyRecord> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        int i = 0;
        for (JsonNode n : keys) {
            i++;
            try {
                KeyRecord r = RecordCodec.fromJson(n);
                if (!seen.add(r.keyId())) {
                    throw new IllegalArgumentException("a keyId appears twice");
                }
                out.add(r);
            } catch (IllegalArgumentException e) {
                throw bad(file, "key #" + i + " is invalid: " + e.getMessage());
            }
        }
        return out;
    }

    /** The archived marks of a backup (none in a backup made before archiving existed); each must name one of its keys. */
    private static Set<UUID> archived(Path file, JsonNode inner, List<KeyRecord> records) {
        JsonNode marks = inner.get("archived");
        if (marks == null) {
            return Set.of();
        }
        Set<UUID> ids;
        try {
            ids = KeyArchive.parse(marks);
        } catch (IllegalArgumentException e) {
            throw bad(file, "its list of archived keys is malformed");
        }
        Set<UUID> present = new HashSet<>();
        records.forEach(r -> present.add(r.keyId()));
        if (!present.containsAll(ids)) {
            throw bad(file, "its list of archived keys names a key it does not hold");
        }
        return Set.copyOf(ids);
    }

    private static VaultException bad(Path file, String why) {
        return PasswordSealedFile.bad(file, why, "imported");
    }
}
