package io.keyshard.wire;

/**
 * The body of {@code POST /v1/sign/{signId}/round1} for a threshold-ECDSA key: the request as FROST's round 1
 * has it, and the relay version the coordinator and the signers must share. A node of an older version refuses
 * this body as unknown fields (400) before it loads any pairwise setup; a node of this version refuses an ECDSA
 * round 1 without it, and a version other than its own.
 */
public record DklsRound1Request(SignRound1Request request, int relay) {
    /**
     * Version 4: a signer's message enters its identity signature by a BLAKE3 digest instead of SHA-256, and
     * all its point-to-point messages to one co-signer in a signing are sealed under one HPKE context (the
     * round-1 message carries the encapsulated key, the round-2 one does not), so a version-3 signer neither
     * verifies nor opens them. Version 3: the signing's OT extension (PRG, rows, challenges) and RVOLE transcript hashed with BLAKE3
     * instead of SHAKE256, so a version-2 signer computes other values and cannot sign with it. Version 2
     * brought point-to-point bodies HPKE-sealed with AEAD ChaCha20-Poly1305 (RFC 9180 id 0x0003); version 1,
     * the bare {@link SignRound1Request} with AES-128-GCM bodies, is no longer signed with.
     */
    public static final int RELAY = 4;
}
