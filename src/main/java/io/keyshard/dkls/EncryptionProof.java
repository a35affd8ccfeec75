package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.security.SecureRandom;

/**
 * Proof that the base OT receiver's pair {@code (u, v) = (r·h, r·G + b·h)} encrypts a bit b: an OR of
 * two Chaum-Pedersen proofs ((G, h, v, u) or (G, h, v - h, u) is a DDH tuple), Fiat-Shamir over the
 * session, with challenges adding up to the hash (Zhou et al., ePrint 2022/1525, Section 3 and
 * Appendix B; the same composition as 0xCarbon's EncProof). The branch for 1 - b is simulated.
 */
public record EncryptionProof(Point a0, Point b0, Point a1, Point b1, Scalar c0, Scalar z0, Scalar z1) {
    private static final String TAG = "encryption-proof";

    /**
     * Proves the statement for witness r and the bit; {@code u} and {@code v} are computed by the
     * caller. The simulated branch multiplies by values it publishes; the real one by its secret
     * nonce, through the comb of h.
     */
    static EncryptionProof prove(
            Group g,
            byte[] sid,
            SecretMultiplier hTimes,
            Point h,
            Point u,
            Point v,
            Scalar r,
            boolean bit,
            SecureRandom random) {
        Point p0 = v;
        Point p1 = v.subtract(h);
        // Simulated branch: pick its challenge and response, derive its commitments.
        Scalar cFake = g.random(random);
        Scalar zFake = g.random(random);
        Point fakeP = bit ? p0 : p1;
        Point aFake = g.base(zFake).subtract(g.times(fakeP, cFake));
        Point bFake = g.times(h, zFake).subtract(g.times(u, cFake));
        // Real branch.
        Scalar k = g.randomNonZero(random);
        Point aReal = g.base(k);
        Point bReal = hTimes.times(k);
        Point a0 = bit ? aFake : aReal;
        Point b0 = bit ? bFake : bReal;
        Point a1 = bit ? aReal : aFake;
        Point b1 = bit ? bReal : bFake;
        Scalar c = challenge(g, sid, h, u, v, a0, b0, a1, b1);
        Scalar cReal = c.subtract(cFake);
        Scalar zReal = k.add(cReal.multiply(r));
        k.destroy();
        return bit
                ? new EncryptionProof(a0, b0, a1, b1, cFake, zFake, zReal)
                : new EncryptionProof(a0, b0, a1, b1, cReal, zReal, zFake);
    }

    /** Checks both branches against the Fiat-Shamir challenge; aborts naming the prover. */
    void verify(Group g, byte[] sid, int prover, Point h, Point u, Point v) {
        Scalar c = challenge(g, sid, h, u, v, a0, b0, a1, b1);
        Scalar c1 = c.subtract(c0);
        boolean ok = branch(g, h, v, u, a0, b0, c0, z0) && branch(g, h, v.subtract(h), u, a1, b1, c1, z1);
        if (!ok) {
            throw new ProtocolAbort(prover, Check.ENCRYPTION_PROOF, "the base OT message does not encrypt a bit");
        }
    }

    private static boolean branch(Group g, Point h, Point p, Point q, Point a, Point b, Scalar c, Scalar z) {
        return g.base(z).equals(a.add(g.times(p, c))) && g.times(h, z).equals(b.add(g.times(q, c)));
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
