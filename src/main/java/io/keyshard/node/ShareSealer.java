package io.keyshard.node;

import io.keyshard.OwnerOnlyFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals shares with AES-256-GCM under the node's master key ({@code master.key}, 32 random bytes,
 * 0600). The associated data binds format version, node id, keyId and curve, so a sealed share
 * moved to another row, node or curve does not open.
 */
final class ShareSealer implements AutoCloseable {
    static final int FORMAT_VERSION = 1;
    private static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private final byte[] masterKey;
    private final long nodeId;
    private final SecureRandom random;

    private ShareSealer(byte[] masterKey, long nodeId, SecureRandom random) {
        this.masterKey = masterKey;
        this.nodeId = nodeId;
        this.random = random;
    }

    static void createMasterKey(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        try {
            OwnerOnlyFiles.create(file, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static ShareSealer open(NodeFiles files, long nodeId, SecureRandom random) throws IOException {
        byte[] key = files.readRequired(files.masterKey());
        if (key.length != KEY_LENGTH) {
            Arrays.fill(key, (byte) 0);
            throw new NodeSetupException("master.key is damaged (wrong length)");
        }
        return new ShareSealer(key, nodeId, random);
    }

    byte[] seal(UUID keyId, String curve, byte[] plaintext) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        Cipher gcm = cipher(Cipher.ENCRYPT_MODE, nonce, keyId, curve);
        byte[] ct = gcm.doFinal(plaintext);
        return ByteBuffer.allocate(1 + NONCE_LENGTH + ct.length).put((byte) FORMAT_VERSION).put(nonce).put(ct).array();
    }

    /** Opens a sealed share; throws if anything about it (bytes, row, node, curve) was changed. */
    byte[] open(UUID keyId, String curve, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < 1 + NONCE_LENGTH + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
            throw new GeneralSecurityException("sealed share has an unknown format");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH);
        return cipher(Cipher.DECRYPT_MODE, nonce, keyId, curve).doFinal(sealed, 1 + NONCE_LENGTH,
                sealed.length - 1 - NONCE_LENGTH);
    }

    private Cipher cipher(int mode, byte[] nonce, UUID keyId, String curve) throws GeneralSecurityException {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        gcm.updateAAD(associatedData(keyId, curve));
        return gcm;
    }

    private byte[] associatedData(UUID keyId, String curve) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : new String[] {"keyshard-share", Integer.toString(FORMAT_VERSION), Long.toString(nodeId),
                keyId.toString(), curve}) {
            byte[] b = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        Arrays.fill(masterKey, (byte) 0);
    }
}
