package io.keyshard.dkls;

import io.keyshard.curve.FixedBaseMultiplier;
import io.keyshard.curve.Point;
import io.keyshard.curve.PointBatch;
import io.keyshard.curve.PointSelect;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

/**
 * Proof that the base OT receiver's pair {@code (u, v) = (r·h, r·G + b·h)} encrypts a bit b: an OR of
 * two Chaum-Pedersen proofs ((G, h, v, u) or (G, h, v - h, u) is a DDH tuple), Fiat-Shamir over the
 * session, with challenges adding up to the hash (Zhou et al., ePrint 2022/1525, Section 3 and
 * Appendix B; the same composition as 0xCarbon's EncProof). The branch for 1 - b is simulated.
 */
public record EncryptionProof(Point a0, Point b0, Point a1, Point b1, Scalar c0, Scalar z0, Scalar z1) {
    private static final String TAG = "encryption-proof";
    /** Bits of each random weight of the batch check: a false statement passes with probability 2^-128. */
    private static final int WEIGHT_BITS = 128;

    /** The random values of one proof: the simulated branch's challenge c' and w, the real branch's k. */
    record Nonces(Scalar cFake, Scalar w, Scalar k) {
        /** Draws c', w and k in that order. */
        static Nonces draw(Group g, SecureRandom random) {
            Scalar cFake = g.randomNonZero(random);
            Scalar w = g.randomNonZero(random);
            return new Nonces(cFake, w, g.randomNonZero(random));
        }
    }

    /**
     * Proves the statement of every OT l for witness r[l] and bits[l]; {@code u} and {@code v} are computed
     * by the caller. The simulated branch j = 1 - b has {@code P_j = r·G + (2b - 1)·h}; with its challenge c'
     * and a random w its response is {@code z' = w + c'·r}, which makes its commitments
     * {@code a' = w·G + (1 - 2b)·c'·h} and {@code b' = w·h}: the same distribution as the textbook
     * simulation ({@code z'} uniform), but every product has a fixed base (G or h) and a scalar that
     * touches r or b, so it goes through the constant-time tables of G and h and no time follows the bit.
     * Each kind of product is computed for all OTs at once and made affine with one inversion. Which
     * branch is real (the order of the commitments, challenge and responses) is chosen by masks:
     * {@code bits[l]} is 0 or 1, and no branch or index follows it.
     */
    static EncryptionProof[] proveAll(
            Group g,
            byte[][] sids,
            FixedBaseMultiplier hTimes,
            Point h,
            Point[] u,
            Point[] v,
            Scalar[] r,
            int[] bits,
            Nonces[] nonces) {
        int n = nonces.length;
        Scalar[] w = new Scalar[n];
        Scalar[] signedFake = new Scalar[n];
        Scalar[] k = new Scalar[n];
        for (int l = 0; l < n; l++) {
            w[l] = nonces[l].w();
            Scalar cFake = nonces[l].cFake();
            signedFake[l] = Scalar.select(bits[l], cFake, cFake.negate());
            k[l] = nonces[l].k();
        }
        Point[] aFake = PointBatch.sums(g.baseAll(w), hTimes.timesAll(signedFake));
        Point[] bFake = hTimes.timesAll(w);
        Point[] aReal = g.baseAll(k);
        Point[] bReal = hTimes.timesAll(k);
        EncryptionProof[] out = new EncryptionProof[n];
        for (int l = 0; l < n; l++) {
            int bit = bits[l];
            Scalar cFake = nonces[l].cFake();
            Scalar zFake = w[l].add(cFake.multiply(r[l]));
            w[l].destroy();
            // the real branch is j = b: both orders are masked choices, never a branch on b
            Point[] a = PointSelect.swap(bit, aReal[l], aFake[l]);
            Point[] b = PointSelect.swap(bit, bReal[l], bFake[l]);
            Scalar c = challenge(g, sids[l], h, u[l], v[l], a[0], b[0], a[1], b[1]);
            Scalar cReal = c.subtract(cFake);
            Scalar zReal = k[l].add(cReal.multiply(r[l]));
            k[l].destroy();
            out[l] = new EncryptionProof(
                    a[0],
                    b[0],
                    a[1],
                    b[1],
                    Scalar.select(bit, cReal, cFake),
                    Scalar.select(bit, zReal, zFake),
                    Scalar.select(bit, zFake, zReal));
        }
        return out;
    }

    /**
     * Checks many proofs under one h at once: the four equations of every proof, each times a fresh random
     * 128-bit weight, summed into one multi-scalar multiplication that is the identity when all hold and,
     * when any fails, is the identity with probability 2^-128 over the weights (the small-exponent batch
     * test of Bellare, Garay and Rabin, "Fast Batch Verification for Modular Exponentiation and Digital
     * Signatures", 1998; the group has prime order). A failed batch is checked proof by proof to name the
     * first false one.
     *
     * @param sids the Fiat-Shamir session of each proof, in the order of {@code us}, {@code vs} and {@code proofs}
     */
    static void verifyAll(
            Group g,
            byte[][] sids,
            int prover,
            Point h,
            List<Point> us,
            List<Point> vs,
            List<EncryptionProof> proofs,
            SecureRandom random) {
        int n = proofs.size();
        BigInteger q = g.order();
        BigInteger[] ks = new BigInteger[6 * n + 2];
        Point[] ps = new Point[6 * n + 2];
        BigInteger onG = BigInteger.ZERO;
        BigInteger onH = BigInteger.ZERO;
        Scalar[] challenges = new Scalar[n];
        for (int i = 0; i < n; i++) {
            EncryptionProof p = proofs.get(i);
            Point u = us.get(i);
            Point v = vs.get(i);
            challenges[i] = challenge(g, sids[i], h, u, v, p.a0, p.b0, p.a1, p.b1);
            BigInteger c0 = p.c0.toBigInteger();
            BigInteger c1 = challenges[i].subtract(p.c0).toBigInteger();
            BigInteger z0 = p.z0.toBigInteger();
            BigInteger z1 = p.z1.toBigInteger();
            BigInteger[] rho = new BigInteger[4];
            for (int j = 0; j < 4; j++) {
                rho[j] = new BigInteger(WEIGHT_BITS, random);
            }
            // ρ0(a0 + c0·v - z0·G) + ρ1(b0 + c0·u - z0·h) + ρ2(a1 + c1·(v - h) - z1·G) + ρ3(b1 + c1·u - z1·h)
            int at = 6 * i;
            ps[at] = p.a0;
            ks[at] = rho[0];
            ps[at + 1] = p.b0;
            ks[at + 1] = rho[1];
            ps[at + 2] = p.a1;
            ks[at + 2] = rho[2];
            ps[at + 3] = p.b1;
            ks[at + 3] = rho[3];
            ps[at + 4] = v;
            ks[at + 4] = rho[0].multiply(c0).add(rho[2].multiply(c1)).mod(q);
            ps[at + 5] = u;
            ks[at + 5] = rho[1].multiply(c0).add(rho[3].multiply(c1)).mod(q);
            onG = onG.add(rho[0].multiply(z0)).add(rho[2].multiply(z1));
            onH = onH.add(rho[1].multiply(z0)).add(rho[3].multiply(z1)).add(rho[2].multiply(c1));
        }
        ps[6 * n] = g.curve().generator();
        ks[6 * n] = onG.negate().mod(q);
        ps[6 * n + 1] = h;
        ks[6 * n + 1] = onH.negate().mod(q);
        if (g.curve().multiSumMany(ks, ps).isIdentity()) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!proofs.get(i).holds(g, challenges[i], h, us.get(i), vs.get(i))) {
                throw new ProtocolAbort(
                        prover, Check.ENCRYPTION_PROOF, "base OT " + i + " of " + n + " does not encrypt a bit");
            }
        }
        throw new ProtocolAbort(prover, Check.ENCRYPTION_PROOF, "the base OT messages do not encrypt bits");
    }

    /**
     * Both branches' equations, each as one multi-scalar multiplication: {@code z·B - c·P == A}, with
     * {@code c1·(v - h)} spread over v and h so that no term has the identity as its point.
     */
    private boolean holds(Group g, Scalar c, Point h, Point u, Point v) {
        Scalar c1 = c.subtract(c0);
        BigInteger minusC0 = c0.negate().toBigInteger();
        BigInteger minusC1 = c1.negate().toBigInteger();
        BigInteger z0v = z0.toBigInteger();
        BigInteger z1v = z1.toBigInteger();
        Point gen = g.curve().generator();
        return sum(g, new BigInteger[] {z0v, minusC0}, gen, v).equals(a0)
                && sum(g, new BigInteger[] {z0v, minusC0}, h, u).equals(b0)
                && sum(g, new BigInteger[] {z1v, minusC1, c1.toBigInteger()}, gen, v, h)
                        .equals(a1)
                && sum(g, new BigInteger[] {z1v, minusC1}, h, u).equals(b1);
    }

    private static Point sum(Group g, BigInteger[] ks, Point... ps) {
        return g.curve().multiSum(ks, ps);
    }

    private static Scalar challenge(
            Group g, byte[] sid, Point h, Point u, Point v, Point a0, Point b0, Point a1, Point b1) {
        return Oracle.scalar(
                g.field(),
                TAG,
                sid,
                g.curve().generator().encode(),
                h.encode(),
                u.encode(),
                v.encode(),
                a0.encode(),
                b0.encode(),
                a1.encode(),
                b1.encode());
    }
}
