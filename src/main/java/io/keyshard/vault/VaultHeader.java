package io.keyshard.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyshard.bytes.Framing;
import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Digests;
import io.keyshard.json.StrictJson;
import io.keyshard.vault.VaultException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code vault/header.json}: format version, Argon2id parameters, salt, a SHA-256 checksum that
 * names accidental or naive edits, and an HMAC-SHA256 (keyed from the password) that proves the
 * password right before the database is touched. Both cover the same canonical text,
 * {@code keyshard-vault-header|format|argon2id|memoryKiB|iterations|parallelism|saltHex}.
 */
final class VaultHeader {
    static final int FORMAT = 1;
    private static final int MAX_SIZE = 4096;

    final int format;
    final KdfParams kdf;
    final byte[] salt;
    private final byte[] mac;

    private VaultHeader(int format, KdfParams kdf, byte[] salt, byte[] mac) {
        this.format = format;
        this.kdf = kdf;
        this.salt = salt;
        this.mac = mac;
    }

    /** A header for new keys: a fresh 32-byte salt, MAC computed with {@code keys}. */
    static VaultHeader fresh(KdfParams kdf, byte[] salt, VaultKeys keys) {
        VaultHeader h = new VaultHeader(FORMAT, kdf, salt, null);
        return new VaultHeader(FORMAT, kdf, salt, h.macWith(keys));
    }

    static byte[] newSalt() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return salt;
    }

    /** Reads and checks the header's own integrity; the password is checked by {@link #verify}. */
    static VaultHeader read(Path file) {
        String shown = "vault/" + file.getFileName();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw tampered(shown);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VaultException(Reason.IO, "cannot read the vault header " + shown + ": " + e.getMessage());
        }
        try {
            JsonNode root = StrictJson.mapper().readTree(bytes);
            int format = root.required("format").intValue();
            if (format > FORMAT) {
                throw new VaultException(
                        Reason.NEWER_VERSION,
                        "this vault was made by a newer version of Keyshard "
                                + "(header format " + format + ", this version reads up to " + FORMAT
                                + "): update Keyshard; the vault was not changed");
            }
            if (format != FORMAT) {
                throw tampered(shown);
            }
            KdfParams params = KdfParams.readFrom(root);
            byte[] salt = Hex.decode(root.required("salt").asText(), "salt");
            byte[] checksum = Hex.decode(root.required("checksum").asText(), "checksum");
            byte[] mac = Hex.decode(root.required("mac").asText(), "mac");
            VaultHeader h = new VaultHeader(format, params, salt, mac);
            if (salt.length < 16 || !MessageDigest.isEqual(checksum, Digests.sha256(h.canonical()))) {
                throw tampered(shown);
            }
            return h;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw tampered(shown);
        }
    }

    /** Throws WRONG_PASSWORD unless these keys, derived from a password, made this header's MAC. */
    void verify(VaultKeys keys) {
        if (!MessageDigest.isEqual(mac, macWith(keys))) {
            throw new VaultException(Reason.WRONG_PASSWORD, "wrong password: the vault was not opened or changed");
        }
    }

    byte[] toJson() {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("format", format);
        kdf.writeTo(root);
        root.put("salt", Hex.encode(salt));
        root.put("checksum", Hex.encode(Digests.sha256(canonical())));
        root.put("mac", Hex.encode(mac));
        try {
            return StrictJson.pretty().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] canonical() {
        return Framing.Frozen.pipeJoined(
                "keyshard-vault-header",
                format,
                "argon2id",
                kdf.memoryKiB(),
                kdf.iterations(),
                kdf.parallelism(),
                Hex.encode(salt));
    }

    private byte[] macWith(VaultKeys keys) {
        byte[] key = keys.headerMacKey();
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(canonical());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static VaultException tampered(String shown) {
        return new VaultException(
                Reason.TAMPERED,
                "the vault header " + shown
                        + " is damaged or was modified; restore it or the vault from a backup (keyshard vault import)");
    }
}
