package io.keyshard.frost;

import io.keyshard.bytes.ByteArrays;
import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public values every signer and the coordinator derive from a signing package and the group
 * key: binding factors (RFC 9591 4.4), the group commitment (4.5), the challenge (4.6) and the
 * interpolating values (4.2). Computed once per package and shared by signing, share
 * verification and aggregation so the three can never disagree.
 */
final class SigningContext {
    private final Ciphersuite suite;
    private final SigningPackage pkg;
    private final Point groupKey;
    private final byte[] rhoInputPrefix;
    private final Map<Integer, Scalar> bindingFactors = new LinkedHashMap<>();
    private final Point groupCommitment;
    private final Scalar challenge;

    private SigningContext(Ciphersuite suite, SigningPackage pkg, Point groupKey) {
        this.suite = suite;
        this.pkg = pkg;
        this.groupKey = groupKey;
        this.rhoInputPrefix = ByteArrays.concat(
                suite.serializeElement(groupKey), suite.h4(pkg.message()), suite.h5(pkg.encodeCommitmentList(suite)));
        for (SigningCommitments c : pkg.commitments()) {
            bindingFactors.put(c.identifier(), suite.h1(bindingFactorInput(c.identifier())));
        }
        this.groupCommitment = computeGroupCommitment();
        if (groupCommitment.isIdentity()) {
            throw SigningException.blame(
                    SigningCheck.GROUP_COMMITMENT, SigningException.COORDINATOR, "the commitments cancel out");
        }
        this.challenge = suite.challenge(groupCommitment, groupKey, pkg.message());
    }

    static SigningContext of(Ciphersuite suite, SigningPackage pkg, Point groupKey) {
        return new SigningContext(suite, pkg, groupKey);
    }

    /** rho_input (RFC 9591 4.4): SerializeElement(PK) ‖ H4(msg) ‖ H5(encoded list) ‖ SerializeScalar(i). */
    byte[] bindingFactorInput(int identifier) {
        return ByteArrays.concat(rhoInputPrefix, suite.serializeScalar(suite.identifier(identifier)));
    }

    /** binding_factor_for_participant (RFC 9591 4.3). */
    Scalar bindingFactor(int identifier) {
        Scalar rho = bindingFactors.get(identifier);
        if (rho == null) {
            throw SigningException.blame(SigningCheck.SHARE_SET, identifier, "it is not in the commitment list");
        }
        return rho;
    }

    /** compute_group_commitment (RFC 9591 4.5): R = Σ D_i + ρ_i·E_i, over public values. */
    private Point computeGroupCommitment() {
        List<SigningCommitments> list = pkg.commitments();
        BigInteger[] scalars = new BigInteger[2 * list.size()];
        Point[] points = new Point[2 * list.size()];
        for (int k = 0; k < list.size(); k++) {
            SigningCommitments c = list.get(k);
            scalars[2 * k] = BigInteger.ONE;
            points[2 * k] = c.hiding();
            scalars[2 * k + 1] = bindingFactors.get(c.identifier()).toBigInteger();
            points[2 * k + 1] = c.binding();
        }
        return suite.curve().multiSum(scalars, points);
    }

    /** D_i + ρ_i·E_i: signer i's part of the group commitment (RFC 9591 5.3 verify_signature_share). */
    Point commitmentShare(SigningCommitments c) {
        Curve curve = suite.curve();
        return curve.multiSum(
                new BigInteger[] {BigInteger.ONE, bindingFactor(c.identifier()).toBigInteger()},
                new Point[] {c.hiding(), c.binding()});
    }

    Point groupCommitment() {
        return groupCommitment;
    }

    /** True when the BIP-340 variant must negate nonces and commitment shares (R has odd Y). */
    boolean negateNonces() {
        return suite.bip340() && !Bip340.hasEvenY(groupCommitment);
    }

    Scalar challenge() {
        return challenge;
    }

    /** derive_interpolating_value (RFC 9591 4.2) of identifier i over the signers of the list. */
    Scalar lambda(int identifier) {
        BigInteger n = suite.scalars().order();
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        BigInteger xi = BigInteger.valueOf(identifier);
        for (int j : pkg.signers()) {
            if (j == identifier) {
                continue;
            }
            BigInteger xj = BigInteger.valueOf(j);
            num = num.multiply(xj).mod(n);
            den = den.multiply(xj.subtract(xi)).mod(n);
        }
        return suite.scalars().of(num.multiply(den.modInverse(n)).mod(n));
    }

    Point groupKey() {
        return groupKey;
    }
}
