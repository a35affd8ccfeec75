package io.keyshard.frost;

import io.keyshard.curve.Curve;
import io.keyshard.curve.Point;
import io.keyshard.curve.Scalar;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keys derived from a shared key (non-hardened derivation, Taproot): a public tweak δ moves every share to
 * {@code x_i + δ}, every verification share to {@code Y_i + δ·G} and the group key to
 * {@code Y + δ·G} (Shamir shares stay consistent because the Lagrange values of any signer set
 * sum to 1). For BIP-340, the even-Y normalisation and the BIP-341 TapTweak on top.
 */
public final class Tweaks {
    private Tweaks() {}

    /** The signer's key for the derived key {@code Y + δ·G}. */
    public static KeyPackage derive(KeyPackage key, BigInteger delta) {
        Point dg = tweakPoint(key.groupKey().curve(), delta);
        return moved(key, delta, dg, key.groupKey().add(dg));
    }

    /**
     * {@link #derive(KeyPackage, BigInteger)} for a derived key {@code Y' = Y + δ·G} the caller's public
     * derivation has already computed: {@code δ·G} is {@code Y' − Y}, one addition instead of a second
     * multiplication of G on every signing round.
     */
    public static KeyPackage derive(KeyPackage key, BigInteger delta, Point derivedKey) {
        checkTweak(key.groupKey().curve(), delta);
        return moved(key, delta, derivedKey.subtract(key.groupKey()), derivedKey);
    }

    /** The key package moved by δ, whose {@code δ·G} is {@code dg} and whose group key becomes {@code movedKey}. */
    private static KeyPackage moved(KeyPackage key, BigInteger delta, Point dg, Point movedKey) {
        Scalar d = key.signingShare().field().of(delta);
        Scalar share = key.signingShare().add(d);
        d.destroy();
        return new KeyPackage(
                key.identifier(), share, key.verifyingShare().add(dg), nonIdentity(movedKey), key.minSigners());
    }

    /** The public key package of the derived key {@code Y + δ·G}. */
    public static PublicKeyPackage derive(PublicKeyPackage pub, BigInteger delta) {
        Point dg = tweakPoint(pub.groupKey().curve(), delta);
        return moved(pub, dg, pub.groupKey().add(dg));
    }

    /** {@link #derive(PublicKeyPackage, BigInteger)} for a derived key {@code Y'} already computed, as for a signer. */
    public static PublicKeyPackage derive(PublicKeyPackage pub, BigInteger delta, Point derivedKey) {
        checkTweak(pub.groupKey().curve(), delta);
        return moved(pub, derivedKey.subtract(pub.groupKey()), derivedKey);
    }

    private static PublicKeyPackage moved(PublicKeyPackage pub, Point dg, Point movedKey) {
        Map<Integer, Point> shares = new TreeMap<>();
        pub.verifyingShares().forEach((id, y) -> shares.put(id, y.add(dg)));
        return pub.with(shares, nonIdentity(movedKey));
    }

    /** BIP-340: share, verification share and key all negated when the key has odd Y (negation is linear). */
    public static KeyPackage evenY(KeyPackage key) {
        boolean odd = !Bip340.hasEvenY(key.groupKey());
        return new KeyPackage(
                key.identifier(),
                key.signingShare().negateIf(odd),
                odd ? key.verifyingShare().negate() : key.verifyingShare(),
                odd ? key.groupKey().negate() : key.groupKey(),
                key.minSigners());
    }

    /** BIP-340: every verification share and the key negated when the key has odd Y. */
    public static PublicKeyPackage evenY(PublicKeyPackage pub) {
        if (Bip340.hasEvenY(pub.groupKey())) {
            return pub;
        }
        Map<Integer, Point> shares = new TreeMap<>();
        pub.verifyingShares().forEach((id, y) -> shares.put(id, y.negate()));
        return pub.with(shares, pub.groupKey().negate());
    }

    /**
     * BIP-341 key-path tweak: even-Y of the internal key, then t = TapTweak(x(P) ‖ merkleRoot)
     * added; {@code merkleRoot} null is BIP-86 (no script tree). Signing normalises the tweaked
     * key's Y again.
     */
    public static KeyPackage taproot(KeyPackage key, byte[] merkleRoot) {
        KeyPackage even = evenY(key);
        try {
            return derive(even, Bip340.tapTweak(even.groupKey(), merkleRoot));
        } finally {
            even.destroy();
        }
    }

    /** The public side of {@link #taproot(KeyPackage, byte[])}: the output key Q and its verification shares. */
    public static PublicKeyPackage taproot(PublicKeyPackage pub, byte[] merkleRoot) {
        PublicKeyPackage even = evenY(pub);
        return derive(even, Bip340.tapTweak(even.groupKey(), merkleRoot));
    }

    private static Point tweakPoint(Curve curve, BigInteger delta) {
        checkTweak(curve, delta);
        // The generator's precomputed table: several times faster than a variable-base multiplication, and
        // constant time, though δ is public (derived from public key data).
        return curve.multiplyBase(delta);
    }

    private static void checkTweak(Curve curve, BigInteger delta) {
        if (delta.signum() < 0 || delta.compareTo(curve.order()) >= 0) {
            throw new IllegalArgumentException("a tweak is a scalar in [0, n-1]");
        }
    }

    private static Point nonIdentity(Point p) {
        if (p.isIdentity()) {
            throw new IllegalArgumentException("the tweaked key is the identity: this tweak gives no usable key");
        }
        return p;
    }
}
