package io.keyshard.curve;

import io.keyshard.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/** A point on a short Weierstrass curve, kept normalised (affine). */
public final class WeierstrassPoint implements Point {
    private final WeierstrassCurve curve;
    private final ECPoint p;

    WeierstrassPoint(WeierstrassCurve curve, ECPoint p) {
        this.curve = curve;
        this.p = p;
    }

    ECPoint bc() {
        return p;
    }

    @Override
    public Curve curve() {
        return curve;
    }

    @Override
    public Point add(Point other) {
        return new WeierstrassPoint(curve, p.add(curve.own(other).p).normalize());
    }

    @Override
    public Point subtract(Point other) {
        return new WeierstrassPoint(curve, p.subtract(curve.own(other).p).normalize());
    }

    @Override
    public Point negate() {
        return new WeierstrassPoint(curve, p.negate().normalize());
    }

    @Override
    public Point multiply(BigInteger k) {
        return new WeierstrassPoint(curve, curve.multiplyPublic(p, k).normalize());
    }

    @Override
    public boolean isIdentity() {
        return p.isInfinity();
    }

    @Override
    public byte[] encode() {
        if (p.isInfinity()) {
            throw new IllegalStateException("the point at infinity has no encoding");
        }
        return p.getEncoded(true);
    }

    /** The 65/97/133-byte uncompressed SEC1 encoding (0x04 ‖ x ‖ y), e.g. for EVM addresses. */
    public byte[] encodeUncompressed() {
        if (p.isInfinity()) {
            throw new IllegalStateException("the point at infinity has no encoding");
        }
        return p.getEncoded(false);
    }

    /** Whether the affine y-coordinate is even (BIP-340 keys must be). */
    public boolean hasEvenY() {
        return !p.isInfinity() && !p.getAffineYCoord().testBitZero();
    }

    /** The affine x-coordinate as a big-endian field-length array (BIP-340 x-only keys). */
    public byte[] xBytes() {
        byte[] c = encode();
        return Arrays.copyOfRange(c, 1, c.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeierstrassPoint w && w.curve.name() == curve.name() && w.p.equals(p);
    }

    @Override
    public int hashCode() {
        return p.hashCode();
    }

    @Override
    public String toString() {
        return curve.name() + (p.isInfinity() ? "(infinity)" : "(" + Hex.encode(encode()) + ")");
    }
}
