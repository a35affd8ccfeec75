package io.keyshard.dkls;

import java.util.Arrays;

/**
 * Correlated OT over Z_q from the KOS15 rows, with a vector correlation α of w scalars reused on
 * every row ("forced reuse", DKLs23 page 8; DKLs19 Protocol 1, step 3): for row j the sender gets
 * {@code z_A[j][k] = -H(j, q_j)_k} and sends {@code τ[j][k] = H(j, q_j)_k - H(j, q_j ⊕ Δ)_k + α_k};
 * the receiver with choice x_j gets {@code z_B[j][k] = H(j, t_j)_k + x_j·τ[j][k]}, so that
 * {@code z_A + z_B = x_j·α_k}. Vectors are {@link ModQ} Montgomery forms, row j's element k at
 * {@code (j·w + k)·n}.
 */
final class CorrelatedOt {
    private static final String TAG = "cot";

    private CorrelatedOt() {}

    /** The sender's shares and the correction τ to send, each {@code used·w} elements. */
    record SenderOutput(long[] shares, long[] tau) {}

    static SenderOutput send(ModQ f, byte[] sid, long[][] qRows, long[] delta, int used, long[] alpha, int w) {
        int n = f.n;
        long[] shares = f.vector(used * w);
        long[] tau = f.vector(used * w);
        RowHash hash = new RowHash(f, sid, w);
        long[] h0 = f.vector(w);
        long[] h1 = f.vector(w);
        long[] flipped = new long[Gf256.WORDS];
        for (int j = 0; j < used; j++) {
            hash.row(j, qRows[j], h0);
            for (int k = 0; k < Gf256.WORDS; k++) {
                flipped[k] = qRows[j][k] ^ delta[k];
            }
            hash.row(j, flipped, h1);
            for (int k = 0; k < w; k++) {
                int at = (j * w + k) * n;
                f.negate(h0, k * n, shares, at);
                f.sub(h0, k * n, h1, k * n, tau, at);
                f.add(tau, at, alpha, k * n, tau, at);
            }
        }
        Arrays.fill(h0, 0);
        Arrays.fill(h1, 0);
        Arrays.fill(flipped, 0);
        hash.wipe();
        return new SenderOutput(shares, tau);
    }

    static long[] receive(ModQ f, byte[] sid, long[][] tRows, long[] choices, int used, long[] tau, int w) {
        int n = f.n;
        long[] shares = f.vector(used * w);
        RowHash hash = new RowHash(f, sid, w);
        long[] h = f.vector(w);
        for (int j = 0; j < used; j++) {
            long mask = -((choices[j >>> 6] >>> (j & 63)) & 1L);
            hash.row(j, tRows[j], h);
            for (int k = 0; k < w; k++) {
                int at = (j * w + k) * n;
                f.addMasked(h, k * n, tau, at, mask, shares, at);
            }
        }
        Arrays.fill(h, 0);
        hash.wipe();
        return shares;
    }

    /**
     * w scalars per row from the session's keyed oracle over (j, row), 36 bytes in, one block: each
     * scalar is its wide output v as v·R^-2 mod q ({@link ModQ#reduceWideScaled}, one reduction).
     */
    private static final class RowHash {
        private final ModQ f;
        private final Oracle.Keyed oracle;
        private final byte[] in = new byte[4 + 8 * Gf256.WORDS];
        private final byte[] stream;
        private final long[] t;
        private final int w;

        RowHash(ModQ f, byte[] sid, int w) {
            this.f = f;
            this.oracle = Oracle.keyed(TAG, sid);
            this.stream = new byte[f.wideBytes() * w];
            this.t = f.scratch();
            this.w = w;
        }

        void row(int j, long[] row, long[] out) {
            in[0] = (byte) (j >>> 24);
            in[1] = (byte) (j >>> 16);
            in[2] = (byte) (j >>> 8);
            in[3] = (byte) j;
            Words.putLe(row, 0, Gf256.WORDS, in, 4);
            oracle.hash(in, 0, in.length, stream, 0, stream.length);
            for (int k = 0; k < w; k++) {
                f.reduceWideScaled(stream, k * f.wideBytes(), out, k * f.n, t);
            }
        }

        void wipe() {
            Arrays.fill(in, (byte) 0);
            Arrays.fill(stream, (byte) 0);
            Arrays.fill(t, 0);
            oracle.wipe();
        }
    }
}
