package io.keyshard.derive;

import io.keyshard.bytes.BigEndian;
import io.keyshard.crypto.Digests;
import io.keyshard.curve.CurveName;
import io.keyshard.curve.DerivationScheme;
import io.keyshard.curve.Point;
import java.util.Arrays;

/**
 * A public key with its chain code and place in a tree (depth, parent fingerprint, child number):
 * everything public derivation and BIP-32 serialisation need. Immutable.
 */
public final class ExtendedPublicKey {
    /** Chain codes are 32 bytes for every scheme. */
    public static final int CHAIN_CODE_LENGTH = 32;

    private final CurveName curve;
    private final Point point;
    private final byte[] chainCode;
    private final int depth;
    private final int parentFingerprint;
    private final int childNumber;

    /** A key somewhere in a tree; {@code point} is the full group element (even for x-only keys). */
    public ExtendedPublicKey(
            CurveName curve, Point point, byte[] chainCode, int depth, int parentFingerprint, int childNumber) {
        if (point.curve().name() != curve || point.isIdentity()) {
            throw new IllegalArgumentException("public key is not a non-identity point of " + curve);
        }
        if (chainCode == null || chainCode.length != CHAIN_CODE_LENGTH) {
            throw new IllegalArgumentException("chain code must be " + CHAIN_CODE_LENGTH
                    + " bytes (64 hex digits), got "
                    + (chainCode == null ? "none" : chainCode.length + (chainCode.length == 1 ? " byte" : " bytes")));
        }
        if (depth < 0 || depth > DerivationPath.MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be 0 to " + DerivationPath.MAX_DEPTH + ", got " + depth);
        }
        this.curve = curve;
        this.point = point;
        this.chainCode = chainCode.clone();
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childNumber = childNumber;
    }

    /**
     * The key a path starts from ({@code m}): a key generation's root, or any key a person hands in,
     * given in the public key encoding of docs/derivation.md, Curves (x-only for SECP256K1_SCHNORR).
     */
    public static ExtendedPublicKey root(CurveName curve, byte[] publicKey, byte[] chainCode) {
        return new ExtendedPublicKey(curve, curve.curve().decodePublicKey(publicKey), chainCode, 0, 0, 0);
    }

    public CurveName curve() {
        return curve;
    }

    public DerivationScheme scheme() {
        return curve.curve().derivationScheme();
    }

    public Point point() {
        return point;
    }

    /** The public key in the encoding of docs/derivation.md, Curves (x-only for SECP256K1_SCHNORR). */
    public byte[] publicKey() {
        return curve.curve().encodePublicKey(point);
    }

    public byte[] chainCode() {
        return chainCode.clone();
    }

    public int depth() {
        return depth;
    }

    /** The first 4 bytes of the parent's HASH160, big-endian; 0 at the root. */
    public int parentFingerprint() {
        return parentFingerprint;
    }

    /** The index this key was derived with from its parent; 0 at the root. */
    public int childNumber() {
        return childNumber;
    }

    /**
     * This key's fingerprint, the first 4 bytes of HASH160 of its canonical point encoding
     * (compressed SEC1 as BIP-32 and SLIP-10 say; the RFC 8032 bytes for Edwards keys).
     */
    public int fingerprint() {
        return BigEndian.getInt(Digests.hash160(point.encode()), 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedPublicKey k
                && k.curve == curve
                && k.point.equals(point)
                && Arrays.equals(k.chainCode, chainCode)
                && k.depth == depth
                && k.parentFingerprint == parentFingerprint
                && k.childNumber == childNumber;
    }

    @Override
    public int hashCode() {
        return point.hashCode() * 31 + Arrays.hashCode(chainCode);
    }
}
