package io.keyshard.wire;

import io.keyshard.bytes.BigEndian;
import io.keyshard.crypto.Digests;
import java.nio.charset.StandardCharsets;

/**
 * What the signers' identity keys sign, and what the HPKE context and associated data of a sealed message bind,
 * in a threshold-ECDSA signing: the protocol, the round, the request hash of {@link SignTranscript#requestHash}
 * (signId, keyId, path, digest, signer set), sender and recipient. Its first field differs from every FROST
 * and key generation message, so no message passes as another protocol's or another round's.
 */
public final class DklsTranscript {
    private static final byte[] PROTOCOL = "dkls23-ecdsa".getBytes(StandardCharsets.US_ASCII);

    private DklsTranscript() {}

    /**
     * The fields a signer's message is signed over: {@code body} as sent (sealed for a point-to-point one)
     * enters by its 32-byte BLAKE3 hash (relay version 4; SHA-256 before), so a 100 kB round message is hashed
     * once, not copied into the framing and then hashed twice more by Ed25519's signing (as
     * {@link io.keyshard.dkg.PeerEnvelope} signs its ciphertext). BLAKE3 because the sender hashes every sealed
     * round message to sign it and the recipient to verify it, and Bouncy Castle's BLAKE3 takes about 60% of
     * its SHA-256's time on nodes without C2.
     */
    public static byte[][] signed(byte[] requestHash, int round, int sender, int recipient, byte[] body) {
        return new byte[][] {
            PROTOCOL,
            BigEndian.u32(round),
            requestHash,
            BigEndian.u32(sender),
            BigEndian.u32(recipient),
            Digests.blake3(body)
        };
    }

    /**
     * The HPKE info of the one context that seals every point-to-point message from {@code sender} to
     * {@code recipient} in this signing: no round, since the context outlives round 1; each message's round is
     * bound by {@link #sealContext}, its associated data.
     */
    public static byte[][] pairContext(byte[] requestHash, int sender, int recipient) {
        return new byte[][] {PROTOCOL, requestHash, BigEndian.u32(sender), BigEndian.u32(recipient)};
    }

    /** The associated data of a point-to-point message of {@code round}. */
    public static byte[][] sealContext(byte[] requestHash, int round, int sender, int recipient) {
        return new byte[][] {
            PROTOCOL, BigEndian.u32(round), requestHash, BigEndian.u32(sender), BigEndian.u32(recipient)
        };
    }
}
