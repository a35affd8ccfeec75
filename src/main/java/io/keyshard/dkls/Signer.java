package io.keyshard.dkls;

import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import io.keyshard.dkls.SignMessages.Commit;
import io.keyshard.dkls.SignMessages.MulRequest;
import io.keyshard.dkls.SignMessages.MulResponse;
import io.keyshard.dkls.SignMessages.Partial;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One signer of DKLs23 Protocol 3.6 (three-round ℓ-of-n ECDSA), in memory: round 1 commits to
 * R_i = r_i·G and starts, as multiplication receiver, one random VOLE (Functionality 3.5) with each
 * peer; round 2 answers each peer's VOLE as sender with inputs (r_i, sk_i), opens R_i and sends the
 * consistency points and ψ; round 3 checks everything (see {@link EcdsaSigningChecks}) and broadcasts
 * (u_i, w_i); {@link #finish} gives {@code s = Σw / Σu}, verified before it is returned. The additive
 * key share is {@code sk_i = λ_i·x_i + ζ_i} with ζ_i a share of zero (Functionality 3.4). Each
 * round runs once, in order; the nonce r_i and φ_i never leave this object and are wiped.
 */
public final class Signer {
    private enum Stage {
        NEW,
        COMMITTED,
        RESPONDED,
        PARTIAL_SENT,
        DONE
    }

    /** Round 1 output: the broadcast and one message per peer. */
    public record Round1(Commit broadcast, Map<Integer, MulRequest> direct) {}

    private final Group g;
    private final SignRequest req;
    private final int self;
    private final Map<Integer, OtSeeds> asSender;
    private final Map<Integer, OtSeeds> asReceiver;
    private final SecureRandom random;
    private final byte[] binding;
    private final Scalar sk;
    private final Point pk;
    private final Map<Integer, Rvole.Receiver> bobs = new HashMap<>();
    private final Map<Integer, Scalar[]> aliceShares = new HashMap<>();
    private Stage stage = Stage.NEW;
    private Scalar r;
    private Scalar phi;
    private Point bigRi;
    private Commitment.Opening opening;
    private Map<Integer, Commit> commits;
    private byte[] commitsSeen;
    private Point bigR;
    private byte[] view;

    /**
     * @param share      this signer's Shamir share x_i of the (derived) key
     * @param asSender   per peer, the OT seeds with this party as extension sender (multiplication sender)
     * @param asReceiver per peer, the OT seeds with this party as extension receiver
     */
    public Signer(
            Group g,
            SignRequest req,
            int self,
            Scalar share,
            ZeroSharing zero,
            Map<Integer, OtSeeds> asSender,
            Map<Integer, OtSeeds> asReceiver,
            SecureRandom random) {
        if (!req.signers().contains(self)) {
            throw new IllegalArgumentException("party " + self + " is not in the signer set");
        }
        for (int j : peers(req, self)) {
            if (!asSender.containsKey(j) || !asReceiver.containsKey(j)) {
                throw new IllegalArgumentException("no OT setup with party " + j);
            }
        }
        this.g = g;
        this.req = req;
        this.self = self;
        this.asSender = Map.copyOf(asSender);
        this.asReceiver = Map.copyOf(asReceiver);
        this.random = random;
        this.binding = req.binding();
        this.sk = g.of(req.lagrange(g, self)).multiply(share).add(zero.share(g, req.sessionId(), req.signers()));
        this.pk = g.base(sk);
    }

    /** Round 1: R_i's commitment and a multiplication request to every peer. */
    public Round1 round1() {
        advance(Stage.NEW, Stage.COMMITTED);
        r = g.randomNonZero(random);
        phi = g.random(random);
        bigRi = g.base(r);
        opening = Commitment.commit(req.sessionId(), self, bigRi.encode(), random);
        Map<Integer, MulRequest> direct = new HashMap<>();
        for (int j : peers(req, self)) {
            Rvole.Receiver bob = new Rvole.Receiver(g, pairSid(self, j), j, asReceiver.get(j), 2, random);
            bobs.put(j, bob);
            direct.put(j, new MulRequest(self, j, bob.message()));
        }
        return new Round1(new Commit(self, binding, opening.digest()), Map.copyOf(direct));
    }

    /** Round 2: given every signer's commitment and the requests addressed to this party, one answer per peer. */
    public Map<Integer, MulResponse> round2(List<Commit> allCommits, List<MulRequest> requests) {
        advance(Stage.COMMITTED, Stage.RESPONDED);
        commits = EcdsaSigningChecks.commits(req, self, binding, opening.digest(), allCommits);
        commitsSeen = EcdsaSigningChecks.commitsDigest(req, commits);
        Map<Integer, MulRequest> byPeer =
                EcdsaSigningChecks.onePerPeer(req, self, requests, MulRequest::from, MulRequest::to);
        Map<Integer, MulResponse> out = new HashMap<>();
        for (int j : peers(req, self)) {
            Rvole.SenderOutput mul = Rvole.send(
                    g,
                    pairSid(j, self),
                    j,
                    asSender.get(j),
                    new Scalar[] {r, sk},
                    byPeer.get(j).ote(),
                    random);
            Scalar cu = mul.shares()[0];
            Scalar cv = mul.shares()[1];
            aliceShares.put(j, new Scalar[] {cu, cv});
            Scalar psi = phi.subtract(bobs.get(j).b());
            out.put(
                    j,
                    new MulResponse(
                            self,
                            j,
                            commitsSeen,
                            mul.message(),
                            bigRi,
                            opening.salt(),
                            pk,
                            g.base(cu),
                            g.base(cv),
                            psi));
        }
        return Map.copyOf(out);
    }

    /** Round 3: checks every peer's answer and gives this party's broadcast (u_i, w_i). */
    public Partial round3(List<MulResponse> responses) {
        advance(Stage.RESPONDED, Stage.PARTIAL_SENT);
        Map<Integer, MulResponse> byPeer =
                EcdsaSigningChecks.onePerPeer(req, self, responses, MulResponse::from, MulResponse::to);
        Scalar sumPsi = g.field().zero();
        Scalar crossU = g.field().zero();
        Scalar crossV = g.field().zero();
        Point sumR = bigRi;
        Point sumPk = pk;
        for (int j : peers(req, self)) {
            MulResponse m = byPeer.get(j);
            EcdsaSigningChecks.sameView(j, commitsSeen, m.commitsSeen());
            Commitment.verify(
                    req.sessionId(),
                    j,
                    commits.get(j).commitment(),
                    m.salt(),
                    m.nonce().encode());
            Scalar chi = bobs.get(j).b();
            Scalar[] d = bobs.get(j).finish(m.mul());
            EcdsaSigningChecks.consistency(g, j, asReceiver.get(j), chi, m, d[0], d[1]);
            sumPsi = sumPsi.add(m.psi());
            crossU = crossU.add(aliceShares.get(j)[0]).add(d[0]);
            crossV = crossV.add(aliceShares.get(j)[1]).add(d[1]);
            sumR = sumR.add(m.nonce());
            sumPk = sumPk.add(m.keyShare());
        }
        EcdsaSigningChecks.publicKey(req, sumPk);
        if (sumR.isIdentity()) {
            throw new ProtocolAbort(ProtocolAbort.UNATTRIBUTED, Check.SIGNATURE, "the nonces add up to the identity");
        }
        bigR = sumR;
        Scalar rx = g.of(EcdsaSignature.x(bigR));
        Scalar mask = phi.add(sumPsi);
        Scalar u = r.multiply(mask).add(crossU);
        Scalar v = sk.multiply(mask).add(crossV);
        Scalar w = g.of(req.digestScalar(g)).multiply(phi).add(rx.multiply(v));
        view = Oracle.hash32("sign-view", binding, bigR.encode());
        r.destroy();
        phi.destroy();
        v.destroy();
        sk.destroy();
        aliceShares.values().forEach(c -> {
            c[0].destroy();
            c[1].destroy();
        });
        return new Partial(self, view, u, w);
    }

    /** The signature from every signer's broadcast, verified under the request's key before it is returned. */
    public EcdsaSignature finish(List<Partial> partials) {
        advance(Stage.PARTIAL_SENT, Stage.DONE);
        return combine(g, req, bigR, partials);
    }

    /** R = Σ R_j as this signer computed it in round 3: public, it is the signature's nonce point. */
    public Point nonce() {
        if (bigR == null) {
            throw new IllegalStateException("R is known after round 3");
        }
        return bigR;
    }

    /** Wipes what this signer still holds of its nonce and key share (an abandoned or expired signing). */
    public void destroy() {
        stage = Stage.DONE;
        for (Scalar s : new Scalar[] {r, phi, sk}) {
            if (s != null) {
                s.destroy();
            }
        }
        aliceShares.values().forEach(c -> {
            c[0].destroy();
            c[1].destroy();
        });
    }

    /**
     * The signature {@code s = Σw / Σu} from every signer's round-3 broadcast and the nonce point R they
     * report, as a coordinator that saw only the broadcasts computes it: each broadcast must carry the
     * view of this request and this R, and the signature must verify under the request's key.
     */
    public static EcdsaSignature combine(Group g, SignRequest req, Point bigR, List<Partial> partials) {
        return combine(g, req, bigR, partials, sig -> sig.verify(g, req.publicKey(), req.digest()));
    }

    /**
     * As {@link #combine(Group, SignRequest, Point, List)}, with the caller's verifier as the signature's one
     * check: a coordinator that verifies with a chain's standard verifier before release needs no second pass.
     */
    public static EcdsaSignature combine(
            Group g, SignRequest req, Point bigR, List<Partial> partials, Predicate<EcdsaSignature> verifier) {
        byte[] view = Oracle.hash32("sign-view", req.binding(), bigR.encode());
        Map<Integer, Partial> all = EcdsaSigningChecks.oneEach(req, partials);
        Scalar sumU = g.field().zero();
        Scalar sumW = g.field().zero();
        for (int j : req.signers()) {
            Partial p = all.get(j);
            EcdsaSigningChecks.sameView(j, view, p.view());
            sumU = sumU.add(p.u());
            sumW = sumW.add(p.w());
        }
        if (sumU.isZero()) {
            throw new ProtocolAbort(ProtocolAbort.UNATTRIBUTED, Check.SIGNATURE, "the u values add up to zero");
        }
        BigInteger s = sumW.toBigInteger()
                .multiply(sumU.toBigInteger().modInverse(g.order()))
                .mod(g.order());
        EcdsaSignature sig = EcdsaSignature.of(g, bigR, s);
        if (s.signum() == 0 || !verifier.test(sig)) {
            throw new ProtocolAbort(
                    ProtocolAbort.UNATTRIBUTED, Check.SIGNATURE, "the signature does not verify under the key");
        }
        return sig;
    }

    private void advance(Stage from, Stage to) {
        if (stage != from) {
            throw new IllegalStateException(
                    "this signing round was already run, or is out of order (at " + stage + ")");
        }
        stage = to;
    }

    /** The session id of the multiplication with {@code bob} as receiver and {@code alice} as sender. */
    private byte[] pairSid(int bob, int alice) {
        return Oracle.hash32("sign-pair", req.sessionId(), Oracle.u32(bob), Oracle.u32(alice));
    }

    private static List<Integer> peers(SignRequest req, int self) {
        return req.signers().stream().filter(j -> j != self).toList();
    }
}
