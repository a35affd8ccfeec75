package io.keyshard.frost;

import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The coordinator's side: share verification naming the culprits (RFC 9591 5.3, 5.4) and aggregation (5.3). */
public final class Aggregator {
    private Aggregator() {}

    /**
     * verify_signature_share (RFC 9591 5.3): z_i·G == D_i + ρ_i·E_i + (c·λ_i)·Y_i, the commitment
     * share negated for BIP-340 when R has odd Y.
     */
    public static boolean verifyShare(
            Ciphersuite suite, SigningPackage pkg, SignatureShare share, PublicKeyPackage pub) {
        PublicKeyPackage key = suite.bip340() ? Tweaks.evenY(pub) : pub;
        SigningChecks.signerSet(pkg, key.minSigners());
        return verifyShare(SigningContext.of(suite, pkg, key.groupKey()), suite, pkg, share, key);
    }

    private static boolean verifyShare(
            SigningContext ctx, Ciphersuite suite, SigningPackage pkg, SignatureShare share, PublicKeyPackage key) {
        int id = share.identifier();
        Point yi = key.verifyingShares().get(id);
        SigningCommitments comm = pkg.commitments().stream()
                .filter(c -> c.identifier() == id)
                .findFirst()
                .orElse(null);
        if (yi == null || comm == null) {
            return false;
        }
        Point commShare = ctx.commitmentShare(comm);
        if (ctx.negateNonces()) {
            commShare = commShare.negate();
        }
        Curve curve = suite.curve();
        BigInteger cl = ctx.challenge().multiply(ctx.lambda(id)).toBigInteger();
        // z_i·G − (c·λ_i)·Y_i in one multi-scalar multiplication (public values), compared with D_i + ρ_i·E_i.
        Point left = curve.multiSum(
                new BigInteger[] {
                    share.share().toBigInteger(), curve.order().subtract(cl).mod(curve.order())
                },
                new Point[] {curve.generator(), yi});
        return left.equals(commShare);
    }

    /**
     * aggregate (RFC 9591 5.3) with identifiable abort (5.4): the shares are summed and the signature is
     * released only if it verifies under the group key; when it does not, every share is checked and all
     * bad signers are named. Section 5.4 allows either order; checking each share first costs two
     * multi-scalar multiplications per signer on every signing, while a valid aggregate already proves the
     * set of shares good.
     */
    public static Signature aggregate(
            Ciphersuite suite, SigningPackage pkg, Map<Integer, SignatureShare> shares, PublicKeyPackage pub) {
        return prepare(suite, pkg, pub).aggregate(shares);
    }

    /**
     * The public part of aggregation (the signer set checked, binding factors, group commitment, challenge),
     * which needs the commitments only: a coordinator computes it while the signers make their shares.
     */
    public static Prepared prepare(Ciphersuite suite, SigningPackage pkg, PublicKeyPackage pub) {
        PublicKeyPackage key = suite.bip340() ? Tweaks.evenY(pub) : pub;
        SigningChecks.signerSet(pkg, key.minSigners());
        return new Prepared(suite, pkg, key, SigningContext.of(suite, pkg, key.groupKey()));
    }

    /** A signing package with its group commitment and challenge, waiting for the signature shares. */
    public static final class Prepared {
        private final Ciphersuite suite;
        private final SigningPackage pkg;
        private final PublicKeyPackage key;
        private final SigningContext ctx;

        private Prepared(Ciphersuite suite, SigningPackage pkg, PublicKeyPackage key, SigningContext ctx) {
            this.suite = suite;
            this.pkg = pkg;
            this.key = key;
            this.ctx = ctx;
        }

        /** {@link Aggregator#aggregate}: the aggregate checked by RFC 9591's verification under the group key. */
        public Signature aggregate(Map<Integer, SignatureShare> shares) {
            return aggregate(shares, sig -> sig.verify(suite, key.groupKey(), pkg.message()));
        }

        /**
         * {@link #aggregate(Map)} with {@code verifier} as the check of the aggregate: a coordinator that must
         * run the chain's own verifier before release passes it here instead of verifying twice. A verifier of
         * the same equation or a stricter one (RFC 8032's cofactorless check implies the cofactored one) proves
         * the shares good as well; when it refuses, every share is checked and the bad signers named, and if
         * none is bad the refusal is the coordinator's ({@link SigningCheck#SIGNATURE}).
         */
        public Signature aggregate(Map<Integer, SignatureShare> shares, Predicate<Signature> verifier) {
            SigningChecks.shareSet(pkg, shares, key);
            Scalar z = suite.scalars().zero();
            for (int id : pkg.signers()) {
                z = z.add(shares.get(id).share());
            }
            Point r = ctx.groupCommitment();
            if (ctx.negateNonces()) {
                r = r.negate();
            }
            Signature sig = new Signature(r, z);
            if (verifier.test(sig)) {
                return sig;
            }
            List<Integer> culprits = new ArrayList<>();
            for (int id : pkg.signers()) {
                if (!verifyShare(ctx, suite, pkg, shares.get(id), key)) {
                    culprits.add(id);
                }
            }
            if (!culprits.isEmpty()) {
                throw new SigningException(
                        SigningCheck.SIGNATURE_SHARE, culprits, "z_i·G differs from D_i + ρ_i·E_i + c·λ_i·Y_i");
            }
            throw SigningException.blame(
                    SigningCheck.SIGNATURE,
                    SigningException.COORDINATOR,
                    "every share verified, so the verification shares do not match the group key");
        }
    }
}
