package io.keyshard.dkg;

import io.keyshard.curve.CurveName;
import java.util.Map;

/**
 * The public result every server agreed on, as the client writes it into the vault record:
 * {@code rootPublicKey} in the curve's public-key encoding, a 32-byte chain code and each server's
 * verification share keyed by server name (in id order). Not a wire type.
 */
public record AgreedKey(
        CurveName curve,
        int threshold,
        byte[] rootPublicKey,
        byte[] chainCode,
        Map<String, byte[]> verificationShares,
        byte[] transcriptHash) {}
