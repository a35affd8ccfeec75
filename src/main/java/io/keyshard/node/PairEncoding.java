package io.keyshard.node;

import io.keyshard.dkls.EndemicOt;
import io.keyshard.dkls.Group;
import io.keyshard.dkls.OtSeeds;
import io.keyshard.pairwise.PairSeeds;
import java.util.Arrays;

/** The plaintext sealed for one pair: the sender seeds, the receiver seeds and the zero seed, each at its fixed length. */
final class PairEncoding {
    private static final int SEED = 32;

    private PairEncoding() {}

    static byte[] encode(PairSeeds seeds) {
        byte[] s = seeds.asSender().encode();
        byte[] r = seeds.asReceiver().encode();
        byte[] out = new byte[s.length + r.length + SEED];
        System.arraycopy(s, 0, out, 0, s.length);
        System.arraycopy(r, 0, out, s.length, r.length);
        System.arraycopy(seeds.zeroSeed(), 0, out, s.length + r.length, SEED);
        Arrays.fill(s, (byte) 0);
        Arrays.fill(r, (byte) 0);
        return out;
    }

    /** Reads {@link #encode}; refuses any other length. */
    static PairSeeds decode(int peer, byte[] b) {
        int senderLength = senderLength();
        int receiverLength = b.length - senderLength - SEED;
        if (receiverLength <= 0) {
            throw new IllegalArgumentException("not an encoding of pair seeds");
        }
        byte[] s = Arrays.copyOfRange(b, 0, senderLength);
        byte[] r = Arrays.copyOfRange(b, senderLength, senderLength + receiverLength);
        try {
            return new PairSeeds(
                    peer, OtSeeds.decode(s), OtSeeds.decode(r), Arrays.copyOfRange(b, b.length - SEED, b.length));
        } finally {
            Arrays.fill(s, (byte) 0);
            Arrays.fill(r, (byte) 0);
        }
    }

    /** Role byte, Δ and κ chosen pads: the length {@link OtSeeds#encode()} gives an extension sender. */
    private static int senderLength() {
        return 1 + 32 + Group.KAPPA * EndemicOt.PAD_LENGTH;
    }
}
