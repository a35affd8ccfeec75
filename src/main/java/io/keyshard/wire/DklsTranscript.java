package io.keyshard.wire;

import io.keyshard.bytes.BigEndian;
import io.keyshard.crypto.Digests;
import java.nio.charset.StandardCharsets;

/**
 * What the signers' identity keys sign, and what the HPKE context of a sealed message binds, in a
 * threshold-ECDSA signing: the protocol, the round, the request hash of {@link SignTranscript#requestHash}
 * (signId, keyId, path, digest, signer set), sender and recipient. Its first field differs from every FROST
 * and key generation message, so no message passes as another protocol's or another round's.
 */
public final class DklsTranscript {
    private static final byte[] PROTOCOL = "dkls23-ecdsa".getBytes(StandardCharsets.US_ASCII);

    private DklsTranscript() {}

    /**
     * The fields a signer's message is signed over: {@code body} as sent (sealed for a point-to-point one)
     * enters by its SHA-256, so a 100 kB round message is hashed once, not copied into the framing and then
     * hashed twice more by Ed25519's signing (as {@link io.keyshard.dkg.PeerEnvelope} signs its ciphertext).
     */
    public static byte[][] signed(byte[] requestHash, int round, int sender, int recipient, byte[] body) {
        return new byte[][] {
            PROTOCOL,
            BigEndian.u32(round),
            requestHash,
            BigEndian.u32(sender),
            BigEndian.u32(recipient),
            Digests.sha256(body)
        };
    }

    /** The HPKE info and associated data of a point-to-point message. */
    public static byte[][] sealContext(byte[] requestHash, int round, int sender, int recipient) {
        return new byte[][] {
            PROTOCOL, BigEndian.u32(round), requestHash, BigEndian.u32(sender), BigEndian.u32(recipient)
        };
    }
}
