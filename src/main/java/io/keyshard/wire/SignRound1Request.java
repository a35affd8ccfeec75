package io.keyshard.wire;

import java.util.List;

/**
 * The body of {@code POST /v1/sign/{signId}/round1}, and of round 2 again: which key signs (keyId, a
 * non-hardened {@code path} relative to its root, the {@code taproot} tweak in the form of
 * {@link TaprootTweak#wire}), the signer set as server ids, and the {@code message} as hex (at most
 * {@link #MAX_MESSAGE} bytes; for a digest, the digest itself).
 */
public record SignRound1Request(String keyId, String path, String taproot, List<Integer> signers, String message) {
    /** The longest message a signer takes: EdDSA has no prehash, so the whole message travels. */
    public static final int MAX_MESSAGE = 65_536;

    public SignRound1Request {
        signers = signers == null ? null : List.copyOf(signers);
    }
}
