package io.keyshard.frost;

import io.keyshard.curve.Scalar;

/** Round two of FROST signing: a signer's signature share (RFC 9591 5.2). */
public final class Round2 {
    private Round2() {}

    /**
     * sign (RFC 9591 5.2): z_i = d_i + e_i·ρ_i + λ_i·s_i·c. Validates the package first, then
     * destroys the nonces whatever happens after, so they can never sign twice. For the BIP-340
     * suite the key is first made even-Y and the nonces are negated when R has odd Y.
     */
    public static SignatureShare sign(Ciphersuite suite, SigningPackage pkg, SigningNonces nonces, KeyPackage key) {
        SigningChecks.noncesLive(nonces);
        SigningChecks.signerSet(pkg, key.minSigners());
        SigningChecks.ownCommitment(pkg, nonces.commitments());
        if (nonces.commitments().identifier() != key.identifier()) {
            throw new IllegalArgumentException("the nonces belong to identifier "
                    + nonces.commitments().identifier() + ", the key to " + key.identifier());
        }
        KeyPackage signing = suite.bip340() ? Tweaks.evenY(key) : key;
        try {
            SigningContext ctx = SigningContext.of(suite, pkg, signing.groupKey());
            int id = signing.identifier();
            Scalar rho = ctx.bindingFactor(id);
            Scalar lambdaC = ctx.lambda(id).multiply(ctx.challenge());
            boolean negate = ctx.negateNonces();
            Scalar d = nonces.hiding().negateIf(negate);
            Scalar e = nonces.binding().negateIf(negate);
            Scalar eRho = e.multiply(rho);
            Scalar keyTerm = signing.signingShare().multiply(lambdaC);
            Scalar partial = d.add(eRho);
            Scalar z = partial.add(keyTerm);
            for (Scalar spent : new Scalar[] {d, e, eRho, keyTerm, partial}) {
                spent.destroy();
            }
            return new SignatureShare(id, z);
        } finally {
            nonces.destroy();
            if (signing != key) {
                signing.destroy();
            }
        }
    }
}
