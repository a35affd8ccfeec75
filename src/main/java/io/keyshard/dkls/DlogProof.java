package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.security.SecureRandom;

/**
 * Schnorr proof of knowledge of x with {@code X = x·G}, made non-interactive by Fiat-Shamir over the
 * session id, the prover and the statement: the sender's proof in the endemic base OT (Zhou et al.,
 * ePrint 2022/1525, Section 3, where it makes the sender's z extractable). 0xCarbon uses a
 * randomised Fischlin transform for straight-line extraction; this is the Fiat-Shamir variant.
 */
public record DlogProof(Point commitment, Scalar response) {
    private static final String TAG = "dlog-proof";

    /** Proves knowledge of x for X = x·G. */
    public static DlogProof prove(Group g, byte[] sessionId, int prover, Scalar x, SecureRandom random) {
        Scalar k = g.randomNonZero(random);
        Point a = g.base(k);
        Point statement = g.base(x);
        Scalar e = challenge(g, sessionId, prover, statement, a);
        Scalar z = k.add(e.multiply(x));
        k.destroy();
        return new DlogProof(a, z);
    }

    /** Checks {@code z·G = A + e·X}; aborts naming the prover. */
    public void verify(Group g, byte[] sessionId, int prover, Point statement) {
        Scalar e = challenge(g, sessionId, prover, statement, commitment);
        if (!g.base(response).equals(commitment.add(g.times(statement, e)))) {
            throw new ProtocolAbort(prover, Check.DLOG_PROOF, "the proof of discrete logarithm does not verify");
        }
    }

    private static Scalar challenge(Group g, byte[] sid, int prover, Point statement, Point a) {
        return Oracle.scalar(
                g.field(),
                TAG,
                sid,
                Oracle.u32(prover),
                g.curve().generator().encode(),
                statement.encode(),
                a.encode());
    }
}
