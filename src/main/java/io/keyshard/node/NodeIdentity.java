package io.keyshard.node;

import io.keyshard.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * A node's long-term identity (DESIGN.md section 4): an Ed25519 key that signs every protocol
 * message and an X25519 key that receives HPKE-encrypted shares. Kept in {@code identity.key}.
 */
public final class NodeIdentity {
    private static final int KEY_LENGTH = 32;
    private final Ed25519PrivateKeyParameters signing;
    private final X25519PrivateKeyParameters hpke;

    private NodeIdentity(Ed25519PrivateKeyParameters signing, X25519PrivateKeyParameters hpke) {
        this.signing = signing;
        this.hpke = hpke;
    }

    static NodeIdentity generate(Path file, SecureRandom random) throws IOException {
        NodeIdentity id = new NodeIdentity(new Ed25519PrivateKeyParameters(random),
                new X25519PrivateKeyParameters(random));
        byte[] both = new byte[2 * KEY_LENGTH];
        try {
            id.signing.encode(both, 0);
            id.hpke.encode(both, KEY_LENGTH);
            OwnerOnlyFiles.create(file, both);
        } finally {
            Arrays.fill(both, (byte) 0);
        }
        return id;
    }

    static NodeIdentity load(NodeFiles files) throws IOException {
        byte[] both = files.readRequired(files.identityKeys());
        try {
            if (both.length != 2 * KEY_LENGTH) {
                throw new NodeSetupException("identity.key is damaged (wrong length)");
            }
            return new NodeIdentity(new Ed25519PrivateKeyParameters(both, 0),
                    new X25519PrivateKeyParameters(both, KEY_LENGTH));
        } finally {
            Arrays.fill(both, (byte) 0);
        }
    }

    /** The Ed25519 private key that signs this node's protocol messages. */
    public Ed25519PrivateKeyParameters signingKey() {
        return signing;
    }

    /** The X25519 private key that opens shares sent to this node. */
    public X25519PrivateKeyParameters hpkeKey() {
        return hpke;
    }

    public byte[] signingPublicKey() {
        return signing.generatePublicKey().getEncoded();
    }

    public byte[] hpkePublicKey() {
        return hpke.generatePublicKey().getEncoded();
    }
}
