package io.keyshard.dkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Round 2 of server {@code sender}: its echo (the payload hash of every round-1 message it
 * accepted, in id order; equal echoes mean equal views), its share {@code f(j)} HPKE-encrypted to
 * every other server j ({@code enc ‖ ciphertext}, keyed by j), and the revealed 32-byte chain-code
 * contribution; Ed25519-signed. A wire type.
 */
public record Round2Message(
        byte[] sessionId,
        int sender,
        List<byte[]> echo,
        Map<Integer, byte[]> encryptedShares,
        byte[] chainCodeReveal,
        byte[] signature)
        implements SignedMessage {
    static final int ROUND = 2;

    @Override
    public int round() {
        return ROUND;
    }

    @Override
    public Round2Message withSignature(byte[] sig) {
        return new Round2Message(sessionId, sender, echo, encryptedShares, chainCodeReveal, sig);
    }

    /** The hash the signature covers; shares are taken in ascending recipient order. */
    @Override
    public byte[] payloadHash() {
        List<byte[]> f = new ArrayList<>();
        f.add(sessionId);
        f.add(ProtocolHash.u32(sender));
        f.add(ProtocolHash.u32(echo.size()));
        f.addAll(echo);
        ProtocolHash.addIdMap(f, encryptedShares);
        f.add(chainCodeReveal);
        return ProtocolHash.hash("round2", f.toArray(new byte[0][]));
    }
}
