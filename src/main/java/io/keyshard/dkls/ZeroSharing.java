package io.keyshard.dkls;

import io.keyshard.curve.Scalar;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares of zero among any signer set from pairwise seeds: DKLs23 Functionality 3.4 (F_Zero), as
 * 0xCarbon/DKLs23 realises it. Each unordered pair {i, j} agrees once on a seed by commit-then-open
 * of a contribution from each side; in a session, party i's share is
 * {@code ζ_i = Σ_{j > i} PRF(seed_ij, sid) - Σ_{j < i} PRF(seed_ij, sid)} over the other signers, so
 * the shares of the signer set add up to zero and each looks random to the others.
 */
public final class ZeroSharing {
    /** Length of a contribution and of a seed. */
    public static final int SEED_LENGTH = 32;

    private static final String SEED = "zero-seed";
    private static final String PRF = "zero-share";

    private final int self;
    private final Map<Integer, byte[]> seeds;

    /** The party's seeds by peer identifier. */
    public ZeroSharing(int self, Map<Integer, byte[]> seeds) {
        this.self = self;
        this.seeds = new HashMap<>();
        seeds.forEach((peer, seed) -> this.seeds.put(peer, seed.clone()));
    }

    /** A fresh contribution to a pair's seed, committed to before the peer's is seen. */
    public static Commitment.Opening contribute(byte[] setupId, int self, SecureRandom random) {
        byte[] mine = new byte[SEED_LENGTH];
        random.nextBytes(mine);
        return Commitment.commit(setupId, self, mine, random);
    }

    /**
     * The pair's seed from this party's opening and the peer's, after checking the peer's opening
     * against the commitment it sent first (an abort names the peer).
     */
    public static byte[] agree(
            byte[] setupId,
            int self,
            Commitment.Opening mine,
            int peer,
            byte[] peerDigest,
            byte[] peerSalt,
            byte[] peerContribution) {
        Commitment.verify(setupId, peer, peerDigest, peerSalt, peerContribution);
        if (peerContribution.length != SEED_LENGTH) {
            throw new ProtocolAbort(peer, Check.SHAPE, "a seed contribution is " + SEED_LENGTH + " bytes");
        }
        byte[] low = self < peer ? mine.message() : peerContribution;
        byte[] high = self < peer ? peerContribution : mine.message();
        return Oracle.hash32(
                SEED, setupId, Oracle.u32(Math.min(self, peer)), Oracle.u32(Math.max(self, peer)), low, high);
    }

    /** This party's share of zero for the session among the given signers (including itself). */
    public Scalar share(Group g, byte[] sessionId, Collection<Integer> signers) {
        Scalar acc = g.field().zero();
        for (int peer : signers) {
            if (peer == self) {
                continue;
            }
            byte[] seed = seeds.get(peer);
            if (seed == null) {
                throw new IllegalArgumentException("no zero-sharing seed with party " + peer);
            }
            Scalar p = Oracle.scalar(g.field(), PRF, seed, sessionId);
            acc = self < peer ? acc.add(p) : acc.subtract(p);
            p.destroy();
        }
        return acc;
    }

    /** Wipes the seeds. */
    public void destroy() {
        seeds.values().forEach(s -> Arrays.fill(s, (byte) 0));
        seeds.clear();
    }
}
