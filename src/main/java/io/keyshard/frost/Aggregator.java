package io.keyshard.frost;

import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        PublicKeyPackage key = suite.bip340() ? Tweaks.evenY(pub) : pub;
        SigningChecks.signerSet(pkg, key.minSigners());
        SigningChecks.shareSet(pkg, shares, key);
        SigningContext ctx = SigningContext.of(suite, pkg, key.groupKey());
        Scalar z = suite.scalars().zero();
        for (int id : pkg.signers()) {
            z = z.add(shares.get(id).share());
        }
        Point r = ctx.groupCommitment();
        if (ctx.negateNonces()) {
            r = r.negate();
        }
        Signature sig = new Signature(r, z);
        if (sig.verify(suite, key.groupKey(), pkg.message())) {
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
