package io.keyshard.dkg;

import java.util.ArrayList;
import java.util.List;

/**
 * Round 1 of server {@code sender}: exactly t Feldman commitments {@code C_k = a_k·G} (compressed
 * points), a Schnorr proof of knowledge of {@code a_0} ({@code proofR} a point, {@code proofZ} a
 * scalar) bound to the session and sender, and the 32-byte hash committing to its chain-code
 * contribution; Ed25519-signed. A wire type.
 */
public record Round1Message(
        byte[] sessionId,
        int sender,
        List<byte[]> commitments,
        byte[] proofR,
        byte[] proofZ,
        byte[] chainCodeCommitment,
        byte[] signature)
        implements SignedMessage {
    static final int ROUND = 1;

    @Override
    public int round() {
        return ROUND;
    }

    @Override
    public Round1Message withSignature(byte[] sig) {
        return new Round1Message(sessionId, sender, commitments, proofR, proofZ, chainCodeCommitment, sig);
    }

    /** The hash the signature covers; also this message's entry in every server's echo. */
    @Override
    public byte[] payloadHash() {
        List<byte[]> f = new ArrayList<>();
        f.add(sessionId);
        f.add(ProtocolHash.u32(sender));
        f.add(ProtocolHash.u32(commitments.size()));
        f.addAll(commitments);
        f.add(proofR);
        f.add(proofZ);
        f.add(chainCodeCommitment);
        return ProtocolHash.hash("round1", f.toArray(new byte[0][]));
    }
}
