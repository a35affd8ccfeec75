package io.keyshard.vault;

import io.keyshard.bytes.Hex;
import io.keyshard.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The keys one password unlocks. Argon2id gives 64 bytes: the first half, as hex, is H2's file
 * password; the second half is the root from which HKDF-SHA256 derives the record sealing key, the
 * header MAC key, H2's user password and the automatic-backup keys (each under its own label).
 */
final class VaultKeys implements AutoCloseable {
    static final int MASTER_LENGTH = 64;

    private final byte[] filePart;
    private final byte[] root;

    private VaultKeys(byte[] master) {
        this.filePart = Arrays.copyOfRange(master, 0, 32);
        this.root = Arrays.copyOfRange(master, 32, 64);
    }

    /** Runs Argon2id; the slow step of unlocking. */
    static VaultKeys derive(char[] password, byte[] salt, KdfParams params) {
        byte[] master = params.derive(password, salt, MASTER_LENGTH);
        try {
            return new VaultKeys(master);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /** {@code "<filePasswordHex> <userPasswordHex>"}: what H2 expects as the password of a CIPHER=AES database. */
    char[] h2Password() {
        byte[] user = subkey("keyshard/vault/h2-user", null);
        char[] f = hex(filePart);
        char[] u = hex(user);
        Arrays.fill(user, (byte) 0);
        char[] out = new char[f.length + 1 + u.length];
        System.arraycopy(f, 0, out, 0, f.length);
        out[f.length] = ' ';
        System.arraycopy(u, 0, out, f.length + 1, u.length);
        Arrays.fill(f, '\0');
        Arrays.fill(u, '\0');
        return out;
    }

    /** H2's file password alone, for reading the store without running any SQL (see {@link SchemaGuard}). */
    char[] h2FilePassword() {
        return hex(filePart);
    }

    Sealer recordSealer() {
        return sealerFor("keyshard/vault/records", null);
    }

    byte[] headerMacKey() {
        return subkey("keyshard/vault/header-mac", null);
    }

    /** The key of one automatic backup, salted per backup so no two backups share a key. */
    Sealer backupSealer(byte[] backupSalt) {
        return sealerFor("keyshard/vault/auto-backup", backupSalt);
    }

    /** Constant-time comparison with keys derived from another password attempt. */
    boolean sameAs(VaultKeys other) {
        return MessageDigest.isEqual(filePart, other.filePart) && MessageDigest.isEqual(root, other.root);
    }

    private Sealer sealerFor(String label, byte[] salt) {
        byte[] k = subkey(label, salt);
        try {
            return new Sealer(k);
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private byte[] subkey(String label, byte[] salt) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(root, salt, label.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    private static char[] hex(byte[] bytes) {
        return Hex.encodeToChars(bytes);
    }

    @Override
    public void close() {
        Arrays.fill(filePart, (byte) 0);
        Arrays.fill(root, (byte) 0);
    }
}
