package io.keyshard.wire;

/**
 * The body of {@code POST /v1/sign/{signId}/round1} for a threshold-ECDSA key: the request as FROST's round 1
 * has it, and the relay version the coordinator and the signers must share. A node of an older version refuses
 * this body as unknown fields (400) before it loads any pairwise setup; a node of this version refuses an ECDSA
 * round 1 without it, and a version other than its own.
 */
public record DklsRound1Request(SignRound1Request request, int relay) {
    /**
     * Version 2: point-to-point bodies HPKE-sealed with AEAD ChaCha20-Poly1305 (RFC 9180 id 0x0003). Version 1,
     * the bare {@link SignRound1Request} with AES-128-GCM bodies, is no longer signed with.
     */
    public static final int RELAY = 2;
}
