package io.keyshard.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.OwnerOnlyFiles;
import io.keyshard.bytes.Framing;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Sealer;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * The envelope of Keyshard's password-protected files (the vault backup's, see {@link VaultBackup}):
 * JSON {@code { format, version, protection, kdf, salt, [keySalt], sealed }}, where {@code sealed} is
 * AES-256-GCM under Argon2id(password, salt) with the other fields as associated data, so a file of
 * one format is never opened as another and no header field can be changed unnoticed.
 */
public final class PasswordSealedFile {
    static final int VERSION = 1;
    static final String OWN_PASSWORD = "own-password";

    private PasswordSealedFile() {}

    /** Seals {@code payload} under {@code password} (the backup password rule applies) into a new file {@code out}. */
    public static void write(Path out, String format, byte[] payload, char[] password) {
        Vault.checkNewPassword(password);
        if (Files.exists(out)) {
            throw new VaultException(Reason.BAD_BACKUP, out + " already exists; choose a new file name");
        }
        byte[] salt = VaultHeader.newSalt();
        KdfParams kdf = KdfParams.PRODUCTION;
        byte[] key = kdf.derive(password, salt, 32);
        try (Sealer sealer = new Sealer(key)) {
            write(out, envelope(format, OWN_PASSWORD, kdf, salt, null), payload, sealer);
        } catch (IOException e) {
            throw new VaultException(Reason.IO, "cannot write " + out + ": " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The payload of a file {@link #write} made. A wrong password or a modified file is refused
     * (WRONG_PASSWORD, exit 3); a file that is not of {@code format} is BAD_BACKUP (exit 2). The
     * messages end with {@code "; nothing was " + outcome}.
     */
    public static byte[] read(Path file, String format, char[] password, long maxSize, String outcome) {
        JsonNode env = readEnvelope(file, format, maxSize, outcome);
        if (!OWN_PASSWORD.equals(env.path("protection").asText())) {
            throw bad(file, "its protection is unknown", outcome);
        }
        KdfParams kdf;
        byte[] salt;
        byte[] sealed;
        try {
            kdf = KdfParams.readFrom(env);
            salt = Hex.decode(env.required("salt").asText(), "salt");
            sealed = Base64.getDecoder().decode(env.required("sealed").asText());
        } catch (IllegalArgumentException e) {
            throw bad(file, "its header is malformed", outcome);
        }
        byte[] key = kdf.derive(password, salt, 32);
        byte[] plain;
        try (Sealer sealer = new Sealer(key)) {
            plain = sealer.open(sealed, associatedData(format, OWN_PASSWORD, kdf, salt, null));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        if (plain == null) {
            throw new VaultException(
                    Reason.WRONG_PASSWORD,
                    "wrong backup password, or the file " + file + " was modified; nothing was " + outcome);
        }
        return plain;
    }

    static ObjectNode envelope(String format, String protection, KdfParams kdf, byte[] salt, byte[] keySalt) {
        ObjectNode env = StrictJson.mapper().createObjectNode();
        env.put("format", format);
        env.put("version", VERSION);
        env.put("protection", protection);
        kdf.writeTo(env);
        env.put("salt", Hex.encode(salt));
        if (keySalt != null) {
            env.put("keySalt", Hex.encode(keySalt));
        }
        return env;
    }

    /** Seals {@code plain} into {@code env} (whose fields are its associated data) and writes it atomically. */
    static void write(Path out, ObjectNode env, byte[] plain, Sealer sealer) throws IOException {
        KdfParams kdf = KdfParams.readFrom(env);
        byte[] keySalt = env.has("keySalt") ? Hex.decode(env.get("keySalt").asText(), "keySalt") : null;
        byte[] ad = associatedData(
                env.get("format").asText(),
                env.get("protection").asText(),
                kdf,
                Hex.decode(env.get("salt").asText(), "salt"),
                keySalt);
        env.put("sealed", Base64.getEncoder().encodeToString(sealer.seal(plain, ad)));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new VaultException(Reason.BAD_BACKUP, "the folder " + parent + " does not exist");
        }
        OwnerOnlyFiles.write(out.toAbsolutePath(), StrictJson.pretty().writeValueAsBytes(env));
    }

    static byte[] associatedData(String format, String protection, KdfParams kdf, byte[] salt, byte[] keySalt) {
        return Framing.Frozen.pipeJoined(
                format,
                VERSION,
                protection,
                kdf.memoryKiB(),
                kdf.iterations(),
                kdf.parallelism(),
                Hex.encode(salt),
                keySalt == null ? "" : Hex.encode(keySalt));
    }

    static JsonNode readEnvelope(Path file, String format, long maxSize, String outcome) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new VaultException(Reason.BAD_BACKUP, "no backup file at " + file);
            }
            if (Files.size(file) > maxSize) {
                throw bad(file, "it is larger than any backup Keyshard writes", outcome);
            }
            JsonNode env = StrictJson.mapper().readTree(Files.readAllBytes(file));
            if (env == null || !format.equals(env.path("format").asText())) {
                throw bad(file, "it is not a Keyshard " + format + " file", outcome);
            }
            if (!env.path("version").isInt() || env.get("version").intValue() > VERSION) {
                throw bad(
                        file,
                        "it was made by a newer version of Keyshard (backup version "
                                + env.path("version").asText() + "); update Keyshard",
                        outcome);
            }
            return env;
        } catch (IOException e) {
            throw bad(file, "it cannot be read as a backup (" + e.getClass().getSimpleName() + ")", outcome);
        }
    }

    static VaultException bad(Path file, String why, String outcome) {
        return new VaultException(Reason.BAD_BACKUP, "cannot read " + file + ": " + why + "; nothing was " + outcome);
    }
}
