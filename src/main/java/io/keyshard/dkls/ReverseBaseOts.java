package io.keyshard.dkls;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The κ base OTs of an ordered pair made from the reverse pair's OT-extension seeds instead of κ more
 * endemic OTs: one KOS15 extension over the seeds of (i, j), with the extension receiver j choosing a fresh
 * Δ_j, gives κ random OTs in which j holds one pad by its choice bit and i holds both, which is exactly what
 * the base OTs of (j, i) give (j extension sender with Δ_j, i extension receiver). The extension is the
 * signing's own (the corrected consistency check, padding rows, a session of its own, a failed check burns
 * i's seeds), and each row becomes a pad by the correlation-robust hash of its index and value, as in KOS15's
 * random OT (Section 3: {@code H(j, q_j)} and {@code H(j, q_j ⊕ Δ)} against {@code H(j, t_j)}). The same
 * bootstrap of one direction's base OTs from the other's extension is common practice (libOTe's
 * {@code genBaseOts} from an extension of the other direction). Why it is as safe as two batches of endemic
 * OTs: docs/protocol.md, ECDSA pairwise setup.
 */
public final class ReverseBaseOts {
    private static final String PAD = "reverse-base-ot-pad";

    /** Rows the extension makes: κ used, plus KOS15's padding. */
    static final int ROWS = Kos15.rows(Group.KAPPA);

    /** What the extension receiver j ends with: the message for i, and its seeds as sender of (j, i). */
    public record Started(OtExtensionMessage message, OtSeeds reverseSender) {}

    private ReverseBaseOts() {}

    /**
     * Extension receiver j, holding both pads of every base OT of (i, j): draws Δ_j, extends with it as the
     * choice bits of the first κ rows (the padding rows random), and keeps Δ_j with the pad of each choice.
     */
    public static Started start(byte[] sessionId, OtSeeds forwardReceiver, SecureRandom random) {
        long[] choices = Kos15.randomChoices(ROWS, random);
        Kos15.Receiver kos = Kos15.receive(sessionId, forwardReceiver, choices, ROWS);
        boolean[] delta = new boolean[Group.KAPPA];
        byte[][] chosen = new byte[Group.KAPPA][];
        for (int l = 0; l < Group.KAPPA; l++) {
            delta[l] = ((choices[l >>> 6] >>> (l & 63)) & 1L) != 0;
            chosen[l] = pad(sessionId, l, kos.tRows()[l]);
        }
        OtSeeds seeds = OtSeeds.forSender(delta, chosen);
        Arrays.fill(delta, false);
        Arrays.fill(choices, 0);
        wipe(chosen);
        wipe(kos.tRows());
        return new Started(kos.message(), seeds);
    }

    /**
     * Extension sender i, holding Δ_i of (i, j): checks j's message (a failed check burns i's seeds of (i, j)
     * and aborts naming j) and gives both pads of every base OT of (j, i).
     */
    public static OtSeeds finish(byte[] sessionId, OtSeeds forwardSender, OtExtensionMessage message, int receiver) {
        long[][] q = Kos15.send(sessionId, forwardSender, message, ROWS, receiver);
        long[] delta = forwardSender.delta();
        byte[][][] pads = new byte[Group.KAPPA][2][];
        long[] flipped = new long[Gf256.WORDS];
        for (int l = 0; l < Group.KAPPA; l++) {
            for (int k = 0; k < Gf256.WORDS; k++) {
                flipped[k] = q[l][k] ^ delta[k];
            }
            pads[l][0] = pad(sessionId, l, q[l]);
            pads[l][1] = pad(sessionId, l, flipped);
        }
        Arrays.fill(flipped, 0);
        wipe(q);
        OtSeeds seeds = OtSeeds.forReceiver(pads);
        for (byte[][] p : pads) {
            wipe(p);
        }
        return seeds;
    }

    private static byte[] pad(byte[] sessionId, int row, long[] value) {
        byte[] v = Gf256.toBytes(value);
        byte[] out = Oracle.hash(PAD, EndemicOt.PAD_LENGTH, sessionId, Oracle.u32(row), v);
        Arrays.fill(v, (byte) 0);
        return out;
    }

    private static void wipe(long[][] rows) {
        for (long[] r : rows) {
            Arrays.fill(r, 0);
        }
    }

    private static void wipe(byte[][] rows) {
        for (byte[] r : rows) {
            Arrays.fill(r, (byte) 0);
        }
    }
}
