package io.keyshard.node;

import io.keyshard.OwnerOnlyFiles;
import io.keyshard.bytes.Framing;
import io.keyshard.crypto.Sealer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Seals shares with the node's master key ({@code master.key}, 32 random bytes, 0600) through
 * {@link Sealer}. The associated data binds format version, node id, keyId and curve, so a sealed
 * share moved to another row, node or curve does not open.
 */
final class ShareSealer implements AutoCloseable {
    static final int FORMAT_VERSION = 1;
    private final Sealer sealer;
    private final long nodeId;

    private ShareSealer(Sealer sealer, long nodeId) {
        this.sealer = sealer;
        this.nodeId = nodeId;
    }

    static void createMasterKey(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[Sealer.KEY_LENGTH];
        random.nextBytes(key);
        try {
            OwnerOnlyFiles.create(file, key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static ShareSealer open(NodeFiles files, long nodeId) throws IOException {
        byte[] key = files.readRequired(files.masterKey());
        try {
            if (key.length != Sealer.KEY_LENGTH) {
                throw new NodeSetupException("master.key is damaged (wrong length)");
            }
            return new ShareSealer(new Sealer(key), nodeId);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    byte[] seal(UUID keyId, String curve, byte[] plaintext) {
        return sealer.seal(plaintext, associatedData(keyId, curve));
    }

    /** Opens a sealed share; throws if anything about it (bytes, row, node, curve) was changed. */
    byte[] open(UUID keyId, String curve, byte[] sealed) throws GeneralSecurityException {
        byte[] plain = sealer.open(sealed, associatedData(keyId, curve));
        if (plain == null) {
            throw new GeneralSecurityException("sealed share was changed, moved or has an unknown format");
        }
        return plain;
    }

    /** The binding of the share stores written so far; kept byte for byte so they stay readable. */
    private byte[] associatedData(UUID keyId, String curve) {
        return Framing.Frozen.shortLengths(
                "keyshard-share", Integer.toString(FORMAT_VERSION), Long.toString(nodeId), keyId.toString(), curve);
    }

    @Override
    public void close() {
        sealer.close();
    }
}
