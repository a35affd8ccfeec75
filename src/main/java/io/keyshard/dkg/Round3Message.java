package io.keyshard.dkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What server {@code sender} returns from round 3: the public result of the key generation,
 * signed. {@code rootPublicKey} is in the curve's public-key encoding (x-only for
 * SECP256K1_SCHNORR), {@code verificationShares} maps each server id to {@code x_k·G} (compressed),
 * {@code transcriptHash} covers every message of the run. All servers must return identical
 * results apart from sender and signature. A wire type.
 */
public record Round3Message(
        byte[] sessionId,
        int sender,
        String curve,
        int threshold,
        byte[] rootPublicKey,
        byte[] chainCode,
        Map<Integer, byte[]> verificationShares,
        byte[] transcriptHash,
        byte[] signature)
        implements SignedMessage {
    static final int ROUND = 3;

    @Override
    public int round() {
        return ROUND;
    }

    @Override
    public Round3Message withSignature(byte[] sig) {
        return new Round3Message(
                sessionId, sender, curve, threshold, rootPublicKey, chainCode, verificationShares, transcriptHash, sig);
    }

    /**
     * The hash the signature covers: everything that must be identical across servers, so it leaves out
     * sender and signature and is the same in every server's result.
     */
    @Override
    public byte[] payloadHash() {
        List<byte[]> f = new ArrayList<>();
        f.add(sessionId);
        f.add(ProtocolHash.utf8(curve));
        f.add(ProtocolHash.u32(threshold));
        f.add(rootPublicKey);
        f.add(chainCode);
        ProtocolHash.addIdMap(f, verificationShares);
        f.add(transcriptHash);
        return ProtocolHash.hash("result", f.toArray(new byte[0][]));
    }
}
