package io.keyshard.node;

import io.keyshard.OwnerOnlyFiles;
import io.keyshard.dkg.IdentityKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A node's long-term identity (docs/protocol.md, Identities), kept in {@code identity.key} (0600): the
 * Ed25519 key that signs every protocol message and the X25519 key that receives HPKE-encrypted shares.
 */
public final class NodeIdentity implements AutoCloseable {
    private final IdentityKeys keys;

    private NodeIdentity(IdentityKeys keys) {
        this.keys = keys;
    }

    static void generate(Path file, SecureRandom random) throws IOException {
        IdentityKeys keys = IdentityKeys.generate(random);
        byte[] encoded = keys.encoded();
        try {
            OwnerOnlyFiles.create(file, encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
            keys.destroy();
        }
    }

    static NodeIdentity load(NodeFiles files) throws IOException {
        byte[] encoded = files.readRequired(files.identityKeys());
        try {
            if (encoded.length != IdentityKeys.ENCODED_LENGTH) {
                throw new NodeSetupException("identity.key is damaged (wrong length)");
            }
            return new NodeIdentity(IdentityKeys.fromEncoded(encoded));
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    /** The secret keys, for the key generation state machines. */
    IdentityKeys keys() {
        return keys;
    }

    /** Signs the fields of a threshold-signing message (its own domain tag, never a key generation's). */
    byte[] signSigningMessage(byte[][] fields) {
        return keys.signSigningMessage(fields);
    }

    public byte[] signingPublicKey() {
        return keys.signingPublicKey();
    }

    public byte[] encryptionPublicKey() {
        return keys.encryptionPublicKey();
    }

    @Override
    public void close() {
        keys.destroy();
    }
}
