package io.keyshard.dkls;

import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * What one ordered pair keeps from its base OTs for the OT extension (KOS15 setup phase): the
 * extension sender holds its correlation Δ (its base OT choice bits) and the pad of each choice;
 * the extension receiver holds both pads of every base OT. Single owner, not thread-safe. A failed
 * consistency check burns the seeds: they refuse further use (selective-abort defence, DKLs23
 * Section 5 and the KOS15/DKLs19 selective-failure attacks).
 */
public final class OtSeeds {
    private final long[] delta;
    private final byte[][] chosen;
    private final byte[][] pad0;
    private final byte[][] pad1;
    private final Set<String> sessions = new HashSet<>();
    private boolean burned;

    private OtSeeds(long[] delta, byte[][] chosen, byte[][] pad0, byte[][] pad1) {
        this.delta = delta;
        this.chosen = chosen;
        this.pad0 = pad0;
        this.pad1 = pad1;
    }

    /** The extension sender's seeds: Δ as κ bits and the pad k_l^{Δ_l} of every base OT. */
    public static OtSeeds forSender(boolean[] delta, byte[][] chosenPads) {
        if (delta.length != Group.KAPPA || chosenPads.length != Group.KAPPA) {
            throw new IllegalArgumentException("an OT extension needs " + Group.KAPPA + " base OTs");
        }
        long[] d = new long[Gf256.WORDS];
        for (int i = 0; i < delta.length; i++) {
            d[i >>> 6] |= (delta[i] ? 1L : 0L) << (i & 63);
        }
        return new OtSeeds(d, copy(chosenPads), null, null);
    }

    /** The extension receiver's seeds: both pads of every base OT. */
    public static OtSeeds forReceiver(byte[][][] pads) {
        if (pads.length != Group.KAPPA) {
            throw new IllegalArgumentException("an OT extension needs " + Group.KAPPA + " base OTs");
        }
        byte[][] p0 = new byte[pads.length][];
        byte[][] p1 = new byte[pads.length][];
        for (int l = 0; l < pads.length; l++) {
            p0[l] = pads[l][0].clone();
            p1[l] = pads[l][1].clone();
        }
        return new OtSeeds(null, null, p0, p1);
    }

    /**
     * The seeds as bytes, for storage sealed with the share: a role byte (1 sender, 2 receiver),
     * then Δ and the chosen pads, or both pads of every base OT.
     */
    public byte[] encode() {
        live(isSender());
        int pads = isSender() ? Group.KAPPA : 2 * Group.KAPPA;
        byte[] out = new byte[1 + (isSender() ? 32 : 0) + pads * EndemicOt.PAD_LENGTH];
        int off = 1;
        if (isSender()) {
            out[0] = 1;
            System.arraycopy(Gf256.toBytes(delta), 0, out, off, 32);
            off += 32;
            for (byte[] b : chosen) {
                System.arraycopy(b, 0, out, off, b.length);
                off += b.length;
            }
        } else {
            out[0] = 2;
            for (int l = 0; l < Group.KAPPA; l++) {
                System.arraycopy(pad0[l], 0, out, off, EndemicOt.PAD_LENGTH);
                System.arraycopy(pad1[l], 0, out, off + EndemicOt.PAD_LENGTH, EndemicOt.PAD_LENGTH);
                off += 2 * EndemicOt.PAD_LENGTH;
            }
        }
        return out;
    }

    /** Reads {@link #encode()}; refuses any other length or role. */
    public static OtSeeds decode(byte[] b) {
        int padBytes = Group.KAPPA * EndemicOt.PAD_LENGTH;
        if (b != null && b.length == 1 + 32 + padBytes && b[0] == 1) {
            long[] d = Gf256.fromBytes(b, 1);
            boolean[] delta = new boolean[Group.KAPPA];
            byte[][] chosen = new byte[Group.KAPPA][];
            for (int l = 0; l < Group.KAPPA; l++) {
                delta[l] = ((d[l >>> 6] >>> (l & 63)) & 1L) != 0;
                chosen[l] = Arrays.copyOfRange(b, 33 + l * EndemicOt.PAD_LENGTH, 33 + (l + 1) * EndemicOt.PAD_LENGTH);
            }
            return forSender(delta, chosen);
        }
        if (b != null && b.length == 1 + 2 * padBytes && b[0] == 2) {
            byte[][][] pads = new byte[Group.KAPPA][2][];
            for (int l = 0; l < Group.KAPPA; l++) {
                int off = 1 + 2 * l * EndemicOt.PAD_LENGTH;
                pads[l][0] = Arrays.copyOfRange(b, off, off + EndemicOt.PAD_LENGTH);
                pads[l][1] = Arrays.copyOfRange(b, off + EndemicOt.PAD_LENGTH, off + 2 * EndemicOt.PAD_LENGTH);
            }
            return forReceiver(pads);
        }
        throw new IllegalArgumentException("not an encoding of OT seeds");
    }

    public boolean isSender() {
        return delta != null;
    }

    public boolean isBurned() {
        return burned;
    }

    /** Wipes the seeds; every later use fails. */
    public void burn() {
        burned = true;
        for (byte[][] set : new byte[][][] {chosen, pad0, pad1}) {
            if (set != null) {
                for (byte[] b : set) {
                    Arrays.fill(b, (byte) 0);
                }
            }
        }
        if (delta != null) {
            Arrays.fill(delta, 0);
        }
    }

    /**
     * Marks an extension id as used with these seeds; a second extension under the same id would reuse
     * the same OT pads with other inputs, so it is refused.
     */
    void claim(byte[] sessionId) {
        if (!sessions.add(HexFormat.of().formatHex(Oracle.hash32("ote-session", sessionId)))) {
            throw new IllegalStateException("these OT seeds were already used under this extension id");
        }
    }

    long[] delta() {
        live(true);
        return delta;
    }

    byte[] chosen(int l) {
        live(true);
        return chosen[l];
    }

    byte[] pad(int l, int bit) {
        live(false);
        return bit == 0 ? pad0[l] : pad1[l];
    }

    private void live(boolean sender) {
        if (burned) {
            throw new IllegalStateException(
                    "these OT seeds were burned after a failed check: run the pairwise setup again");
        }
        if (sender != isSender()) {
            throw new IllegalStateException(
                    "these are the OT extension " + (isSender() ? "sender's" : "receiver's") + " seeds");
        }
    }

    private static byte[][] copy(byte[][] in) {
        byte[][] out = new byte[in.length][];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i].clone();
        }
        return out;
    }
}
