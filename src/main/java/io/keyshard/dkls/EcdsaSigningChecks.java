package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/** The checks of DKLs23 Protocol 3.6 a signer makes on its peers' messages, each aborting with the culprit. */
final class EcdsaSigningChecks {
    private EcdsaSigningChecks() {}

    /** One commitment per signer, each bound to this request, this party's own unchanged. */
    static Map<Integer, Commit> commits(SignRequest req, int self, byte[] binding, byte[] ownDigest, List<Commit> all) {
        Map<Integer, Commit> out = new HashMap<>();
        for (Commit c : all) {
            if (!req.signers().contains(c.from()) || out.containsKey(c.from())) {
                throw new ProtocolAbort(
                        c.from(), Check.REQUEST, "a commitment from outside the signer set or a second one");
            }
            if (!MessageDigest.isEqual(binding, c.request())) {
                throw new ProtocolAbort(c.from(), Check.REQUEST, "the commitment is bound to another request");
            }
            out.put(c.from(), c);
        }
        missing(req, out.keySet(), -1);
        if (!MessageDigest.isEqual(ownDigest, out.get(self).commitment())) {
            throw new ProtocolAbort(
                    ProtocolAbort.UNATTRIBUTED, Check.COMMITMENT, "this party's own commitment came back changed");
        }
        return out;
    }

    /** The digest of every signer's commitment in signer order, sent on in round 2. */
    static byte[] commitsDigest(SignRequest req, Map<Integer, Commit> commits) {
        byte[][] parts = new byte[req.signers().size()][];
        for (int k = 0; k < parts.length; k++) {
            Commit c = commits.get(req.signers().get(k));
            parts[k] = Oracle.hash32("sign-commit", Oracle.u32(c.from()), c.commitment());
        }
        return Oracle.hash32("sign-commits", parts);
    }

    /** Exactly one message from each peer, addressed to this party. */
    static <M> Map<Integer, M> onePerPeer(
            SignRequest req, int self, List<M> msgs, ToIntFunction<M> from, ToIntFunction<M> to) {
        Map<Integer, M> out = new HashMap<>();
        for (M m : msgs) {
            int f = from.applyAsInt(m);
            if (to.applyAsInt(m) != self) {
                throw new ProtocolAbort(
                        ProtocolAbort.UNATTRIBUTED, Check.REQUEST, "a message for party " + to.applyAsInt(m));
            }
            if (f == self || !req.signers().contains(f) || out.containsKey(f)) {
                throw new ProtocolAbort(f, Check.REQUEST, "a message from outside the signer set or a second one");
            }
            out.put(f, m);
        }
        missing(req, out.keySet(), self);
        return out;
    }

    /** Exactly one broadcast from every signer. */
    static Map<Integer, Partial> oneEach(SignRequest req, List<Partial> partials) {
        Map<Integer, Partial> out = new HashMap<>();
        for (Partial p : partials) {
            if (!req.signers().contains(p.from()) || out.containsKey(p.from())) {
                throw new ProtocolAbort(
                        p.from(), Check.REQUEST, "a broadcast from outside the signer set or a second one");
            }
            out.put(p.from(), p);
        }
        missing(req, out.keySet(), -1);
        return out;
    }

    /** The peer saw the same earlier broadcasts (or computed the same R) as this party. */
    static void sameView(int peer, byte[] mine, byte[] theirs) {
        if (!MessageDigest.isEqual(mine, theirs)) {
            throw new ProtocolAbort(peer, Check.SPLIT_VIEW, "the peer saw other broadcasts than this party");
        }
    }

    /**
     * DKLs23 Protocol 3.6, round 3 checks: {@code χ·R_j = d_u·G + Γ^u_j} and {@code χ·pk_j = d_v·G + Γ^v_j}.
     * A failure burns the pair's seeds (it may follow a selective failure in the multiplication).
     */
    static void consistency(Group g, int peer, OtSeeds seeds, Scalar chi, MulResponse m, Scalar du, Scalar dv) {
        // χ is this party's secret: both products in one regular window, the points' tables made together
        Point[] chiTimes = g.timesSecretAll(chi, List.of(m.nonce(), m.keyShare()));
        if (!chiTimes[0].equals(g.base(du).add(m.gammaU()))) {
            seeds.burn();
            throw new ProtocolAbort(peer, Check.NONCE_CONSISTENCY, "the multiplication does not match R_j");
        }
        if (!chiTimes[1].equals(g.base(dv).add(m.gammaV()))) {
            seeds.burn();
            throw new ProtocolAbort(peer, Check.KEY_CONSISTENCY, "the multiplication does not match pk_j");
        }
    }

    /** The signers' key shares add up to the request's public key. */
    static void publicKey(SignRequest req, Point sum) {
        if (!sum.equals(req.publicKey())) {
            throw new ProtocolAbort(
                    ProtocolAbort.UNATTRIBUTED, Check.PUBLIC_KEY, "the key shares do not add up to the key");
        }
    }

    private static void missing(SignRequest req, Set<Integer> present, int except) {
        for (int j : req.signers()) {
            if (j != except && !present.contains(j)) {
                throw new ProtocolAbort(j, Check.SHAPE, "no message from this signer");
            }
        }
    }
}
