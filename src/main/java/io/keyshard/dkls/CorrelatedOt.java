package io.keyshard.dkls;

import io.keyshard.curve.Scalar;
import io.keyshard.curve.ScalarField;
import java.util.Arrays;

/**
 * Correlated OT over Z_q from the KOS15 rows, with a vector correlation α of w scalars reused on
 * every row ("forced reuse", DKLs23 page 8; DKLs19 Protocol 1, step 3): for row j the sender gets
 * {@code z_A[j][k] = -H(j, q_j)_k} and sends {@code τ[j][k] = H(j, q_j)_k - H(j, q_j ⊕ Δ)_k + α_k};
 * the receiver with choice x_j gets {@code z_B[j][k] = H(j, t_j)_k + x_j·τ[j][k]}, so that
 * {@code z_A + z_B = x_j·α_k}.
 */
final class CorrelatedOt {
    private static final String TAG = "cot";

    private CorrelatedOt() {}

    /** The sender's shares and the correction τ to send. */
    record SenderOutput(Scalar[][] shares, Scalar[][] tau) {}

    static SenderOutput send(Group g, byte[] sid, long[][] qRows, long[] delta, int used, Scalar[] alpha) {
        int w = alpha.length;
        Scalar[][] shares = new Scalar[used][];
        Scalar[][] tau = new Scalar[used][w];
        for (int j = 0; j < used; j++) {
            Scalar[] h0 = hashRow(g.field(), sid, j, qRows[j], w);
            long[] flipped = new long[Gf256.WORDS];
            for (int k = 0; k < Gf256.WORDS; k++) {
                flipped[k] = qRows[j][k] ^ delta[k];
            }
            Scalar[] h1 = hashRow(g.field(), sid, j, flipped, w);
            shares[j] = new Scalar[w];
            for (int k = 0; k < w; k++) {
                shares[j][k] = h0[k].negate();
                tau[j][k] = h0[k].subtract(h1[k]).add(alpha[k]);
                h0[k].destroy();
                h1[k].destroy();
            }
        }
        return new SenderOutput(shares, tau);
    }

    static Scalar[][] receive(Group g, byte[] sid, long[][] tRows, long[] choices, int used, Scalar[][] tau) {
        int w = tau[0].length;
        Scalar[][] shares = new Scalar[used][w];
        for (int j = 0; j < used; j++) {
            Scalar bit = g.field().reduce(new byte[] {(byte) ((choices[j >>> 6] >>> (j & 63)) & 1L)}, false);
            Scalar[] h = hashRow(g.field(), sid, j, tRows[j], w);
            for (int k = 0; k < w; k++) {
                shares[j][k] = h[k].add(bit.multiply(tau[j][k]));
                h[k].destroy();
            }
            bit.destroy();
        }
        return shares;
    }

    /** w scalars from one SHAKE256 call over (sid, j, row). */
    private static Scalar[] hashRow(ScalarField f, byte[] sid, int j, long[] row, int w) {
        int wide = Oracle.wideLength(f);
        byte[] stream = Oracle.hash(TAG, wide * w, sid, Oracle.u32(j), Gf256.toBytes(row));
        Scalar[] out = new Scalar[w];
        byte[] chunk = new byte[wide];
        for (int k = 0; k < w; k++) {
            System.arraycopy(stream, k * wide, chunk, 0, wide);
            out[k] = Oracle.wideScalar(f, chunk);
        }
        Arrays.fill(stream, (byte) 0);
        Arrays.fill(chunk, (byte) 0);
        return out;
    }
}
