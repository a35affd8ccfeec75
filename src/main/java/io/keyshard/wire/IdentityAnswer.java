package io.keyshard.wire;

import io.keyshard.bytes.Hex;
import io.keyshard.dkg.Participant;

/**
 * The answer to {@code GET /v1/identity}: the server's name and id and its long-term public keys
 * (Ed25519 {@code signingKey}, X25519 {@code encryptionKey}) as lowercase hex.
 */
public record IdentityAnswer(String name, int id, String signingKey, String encryptionKey) {

    /** The answer a node with these keys gives. */
    public static IdentityAnswer of(String name, int id, byte[] signingKey, byte[] encryptionKey) {
        return new IdentityAnswer(name, id, Hex.encode(signingKey), Hex.encode(encryptionKey));
    }

    /**
     * The key-generation participant this identity describes.
     *
     * @throws IllegalArgumentException when a key is not hex
     */
    public Participant participant() {
        return new Participant(
                name, id, Hex.decode(signingKey, "signingKey"), Hex.decode(encryptionKey, "encryptionKey"));
    }
}
